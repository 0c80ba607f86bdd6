module.exports = require('../../jest.project')(__dirname, 'templates-api');
