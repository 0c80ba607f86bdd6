module.exports = require('../../jest.project')(__dirname, 'plugins-api');
