module.exports = require('../../../jest.project')(__dirname, 'data-access-sites');
