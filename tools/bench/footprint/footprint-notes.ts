import type { Footprint } from './measure-footprint';

export interface MeasuredApp {
  name: string;
  api: boolean;
  footprint: Footprint;
}

const percentOver = (value: number, goal: number) => `${Math.round((value / goal - 1) * 100)} %`;

/**
 * Which API apps miss a goal and by how much, and what the boot profile shows (measured on this project's
 * machine with `--cpu-prof`, a require-time hook and v8.getHeapSpaceStatistics(); see README "Footprint").
 */
export function footprintNotes(
  measured: MeasuredApp[],
  bare: Footprint,
  goals: { coldStartMs: number; idleRssMb: number },
): string[] {
  const api = measured.filter((app) => app.api);
  const slow = api.filter((app) => app.footprint.coldStartMs > goals.coldStartMs);
  const heavy = api.filter((app) => app.footprint.idleRssMb > goals.idleRssMb);
  const notes: string[] = [];
  if (slow.length) {
    notes.push(
      `Cold start over ${goals.coldStartMs} ms: ${slow
        .map(
          (app) =>
            `${app.name} ${Math.round(app.footprint.coldStartMs)} ms (+${percentOver(app.footprint.coldStartMs, goals.coldStartMs)})`,
        )
        .join(', ')}; a bare Fastify process takes ${Math.round(bare.coldStartMs)} ms here. ` +
        'The profile of a boot: most of it is loading ~1,800 CommonJS modules (7.5 MB of JavaScript for tenants-api: ' +
        'Nest core/common and rxjs, class-validator with validator and libphonenumber-js, @nestjs/swagger with lodash ' +
        'and js-yaml, the AWS SDK clients, fastify with ajv), then Nest scanning the module graph and Fastify ' +
        'registering routes and compiling their schemas. The OpenAPI document is already built on the first /docs ' +
        'request, not at boot. Node 22+ can keep a compile cache (module.enableCompileCache) and the production ' +
        'image runs the webpack bundle (one file: fewer file-system lookups); this bench runs the per-file compile ' +
        'that npm start runs, on Node 20.',
    );
  }
  if (heavy.length) {
    notes.push(
      `Idle RSS over ${goals.idleRssMb} MB: ${heavy
        .map(
          (app) =>
            `${app.name} ${app.footprint.idleRssMb.toFixed(1)} MB (+${percentOver(app.footprint.idleRssMb, goals.idleRssMb)})`,
        )
        .join(', ')}; a bare Fastify process holds ${bare.idleRssMb.toFixed(1)} MB. ` +
        'What is left after 4 MB semi-spaces (without them every app held ~23 MB more: V8 keeps the 2 x 16 MB young ' +
        'generation it grew at boot): ~30 MB of old space (the source text and bytecode of the loaded modules, Nest ' +
        'metadata and the route schemas) and ~60 MB outside the heap (the Node binary and its ICU data, thread ' +
        'stacks, malloc arenas: a bare Node process is ~40 MB). MALLOC_ARENA_MAX=1 saved 4 MB more and was left out; ' +
        'the rest would mean loading less code (e.g. class-validator without libphonenumber-js, Swagger only for /docs).',
    );
  }
  return notes;
}
