module.exports = require('../../jest.project')(__dirname, 'front-door');
