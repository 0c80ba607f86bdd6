module.exports = require('../../../jest.project')(__dirname, 'testing-sites');
