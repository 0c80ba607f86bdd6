module.exports = require('../../../jest.project')(__dirname, 'shared-config');
