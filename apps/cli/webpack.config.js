const { appWebpackConfig } = require('../../tools/build/webpack.app');

module.exports = appWebpackConfig('cli');
