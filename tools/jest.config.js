module.exports = require('../jest.project')(__dirname, 'tools');
