module.exports = require('../../jest.project')(__dirname, 'sites-api');
