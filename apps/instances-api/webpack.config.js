const { appWebpackConfig } = require('../../tools/build/webpack.app');

module.exports = appWebpackConfig('instances-api');
