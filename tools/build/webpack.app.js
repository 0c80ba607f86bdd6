// Shared webpack config of every app's `build` target: one Node bundle per app in dist/apps/<app>/
// (main.js), our libs bundled in, node_modules left external and named in a generated package.json
// (plus its lockfile) so `npm ci --omit=dev && node main.js` runs the app alone from that folder.
const path = require('node:path');
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');

const workspaceRoot = path.resolve(__dirname, '../..');

/** SWC as the TypeScript compiler keeps NestJS decorator metadata; Nx's default targets ES5 in loose mode. */
function modernSwcTarget(config) {
  for (const rule of config.module?.rules ?? []) {
    if (typeof rule?.loader === 'string' && rule.loader.includes('swc-loader')) {
      rule.options = { ...rule.options, jsc: { ...rule.options.jsc, target: 'es2022', loose: false } };
    }
  }
  return config;
}

/** @param {string} app the app's folder name under apps/ */
function appWebpackConfig(app) {
  return {
    // No `clean`: dist/apps/<app>/src/ holds the SWC compile that `npm start` and the tests run.
    output: { path: path.join(workspaceRoot, 'dist/apps', app), clean: false },
    devtool: 'source-map',
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'swc',
        main: `apps/${app}/src/main.ts`,
        tsConfig: `apps/${app}/tsconfig.json`,
        outputPath: `dist/apps/${app}`,
        outputHashing: 'none',
        optimization: false,
        sourceMap: true,
        generatePackageJson: true,
        // tsc -p tsconfig.json type-checks the whole repository in the static phase.
        skipTypeChecking: true,
        externalDependencies: 'all',
      }),
      { apply: (compiler) => modernSwcTarget(compiler.options) },
    ],
  };
}

module.exports = { appWebpackConfig };
