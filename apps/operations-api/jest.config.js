module.exports = require('../../jest.project')(__dirname, 'operations-api');
