// `npm start`: installs what is missing, compiles, then hands over to the local platform
// orchestrator (tools/local/platform.ts, compiled) in this same process.
import { createRequire } from 'node:module';
import path from 'node:path';
import { compile, ensureDependencies, root } from '../local/prepare.mjs';

ensureDependencies();
compile();
// Node 20 is supported here (package.json engines); the SDK's notice about 2027 would only be noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { runPlatform } = createRequire(import.meta.url)(
  path.join(root, 'dist', 'tools', 'local', 'platform.js'),
);
process.exitCode = await runPlatform(process.argv.slice(2));
