module.exports = require('../../jest.project')(__dirname, 'tenants-api');
