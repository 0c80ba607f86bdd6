// Shared webpack config of every app's `build` target: one Node bundle per app in dist/apps/<app>/
// (main.js) holding our libs AND the third-party code it reaches (tree-shaken), so a deployable is
// its bundle plus only the packages that must stay on disk (ON_DISK). The generated package.json
// (plus its lockfile) names exactly the externals the compilation kept, so
// `npm ci --omit=dev && node main.js` runs the app alone from that folder.
const path = require('node:path');
const { builtinModules } = require('node:module');
const webpack = require('webpack');
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { readCachedProjectGraph, detectPackageManager } = require('@nx/devkit');
const { generatePrunedDeployOutput } = require('@nx/js');

const workspaceRoot = path.resolve(__dirname, '../..');

/** Read from disk at run time: @nestjs/swagger serves Swagger UI's static assets from this package's folder. */
const ON_DISK = ['swagger-ui-dist'];

/**
 * Optional peers NestJS, fastify and the AWS SDK `require` inside try/catch when a feature is used
 * that our apps never use; webpack must not fail on them being absent.
 */
const OPTIONAL_PEERS = [
  '@nestjs/microservices',
  '@nestjs/microservices/microservices-module',
  '@nestjs/websockets',
  '@nestjs/websockets/socket-module',
  '@nestjs/platform-express',
  'class-transformer/storage',
  '@fastify/view',
  'point-of-view',
  '@aws-sdk/signature-v4-crt',
  '@aws-sdk/crt-loader',
  'aws-crt',
  'pino-pretty',
];

function isOptionalAndAbsent(resource) {
  if (!OPTIONAL_PEERS.includes(resource)) return false;
  try {
    require.resolve(resource, { paths: [workspaceRoot] });
    return false;
  } catch {
    return true;
  }
}

/** SWC as the TypeScript compiler keeps NestJS decorator metadata; Nx's default targets ES5 in loose mode. */
function modernSwcTarget(config) {
  for (const rule of config.module?.rules ?? []) {
    if (typeof rule?.loader === 'string' && rule.loader.includes('swc-loader')) {
      rule.options = { ...rule.options, jsc: { ...rule.options.jsc, target: 'es2022', loose: false } };
    }
  }
  return config;
}

const packageOf = (request) =>
  request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0];

/** Emits package.json + lockfile naming the npm packages this compilation left external. */
class ExternalsPackageJsonPlugin {
  constructor(app) {
    this.app = app;
  }

  apply(compiler) {
    const { sources, Compilation, ExternalModule } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('ExternalsPackageJson', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'ExternalsPackageJson', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const used = new Set();
          for (const module of compilation.modules) {
            if (!(module instanceof ExternalModule)) continue;
            const request = Array.isArray(module.request) ? module.request[0] : module.request;
            if (String(request).startsWith('node:')) continue;
            const name = packageOf(String(request));
            if (!builtinModules.includes(name)) used.add(name);
          }
          const dependencies = {};
          for (const name of [...used].sort()) {
            dependencies[name] = require(
              require.resolve(`${name}/package.json`, { paths: [workspaceRoot] }),
            ).version;
          }
          const packageJson = { name: this.app, version: '0.0.1', main: 'main.js', dependencies };
          const graph = readCachedProjectGraph();
          generatePrunedDeployOutput(packageJson, graph, graph.nodes[this.app].data.root, {
            emit: (file, content) => compilation.emitAsset(file, new sources.RawSource(content)),
            packageManager: detectPackageManager(workspaceRoot),
            workspaceRoot,
          });
          if (!compilation.getAsset('package.json')) {
            compilation.emitAsset(
              'package.json',
              new sources.RawSource(`${JSON.stringify(packageJson, null, 2)}\n`),
            );
          }
        },
      );
    });
  }
}

/** @param {string} app the app's folder name under apps/ */
function appWebpackConfig(app) {
  return {
    // No `clean`: dist/apps/<app>/src/ holds the SWC compile that `npm start` and the tests run.
    output: { path: path.join(workspaceRoot, 'dist/apps', app), clean: false },
    // Maps without sources: stack traces resolve to our files and lines, the deployable stays small.
    devtool: 'nosources-source-map',
    mode: 'production',
    externals: [
      ({ request }, callback) =>
        request && ON_DISK.includes(packageOf(request)) ? callback(null, `commonjs ${request}`) : callback(),
    ],
    // Third-party packages that publish source maps without their sources.
    ignoreWarnings: [/Failed to parse source map/],
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
        generatePackageJson: false,
        // tsc -p tsconfig.json type-checks the whole repository in the static phase.
        skipTypeChecking: true,
        externalDependencies: 'none',
        mergeExternals: true,
      }),
      // The AWS SDK's lazy credential providers would otherwise become numbered chunk files.
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new webpack.IgnorePlugin({ checkResource: isOptionalAndAbsent }),
      new ExternalsPackageJsonPlugin(app),
      { apply: (compiler) => modernSwcTarget(compiler.options) },
    ],
  };
}

module.exports = { appWebpackConfig };
