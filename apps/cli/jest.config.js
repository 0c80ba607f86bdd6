module.exports = require('../../jest.project')(__dirname, 'cli');
