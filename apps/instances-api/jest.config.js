module.exports = require('../../jest.project')(__dirname, 'instances-api');
