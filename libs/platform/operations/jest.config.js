module.exports = require('../../../jest.project')(__dirname, 'platform-operations');
