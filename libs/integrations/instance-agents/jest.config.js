module.exports = require('../../../jest.project')(__dirname, 'integrations-instance-agents');
