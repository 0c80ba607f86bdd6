module.exports = require('../../../jest.project')(__dirname, 'testing-e2e');
