// Renders a Vega-Lite spec (JSON on stdin) to SVG on stdout, headless (no canvas, no network).
// A separate ES module because vega 6 is ESM-only and the bench runs as CommonJS.
import * as vega from 'vega';
import { compile } from 'vega-lite';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const view = new vega.View(vega.parse(compile(JSON.parse(input)).spec), { renderer: 'none' });
process.stdout.write(await view.toSVG());
view.finalize();
