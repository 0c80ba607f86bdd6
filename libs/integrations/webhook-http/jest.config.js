module.exports = require('../../../jest.project')(__dirname, 'integrations-webhook-http');
