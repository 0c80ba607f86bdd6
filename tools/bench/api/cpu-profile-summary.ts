/** The parts of a V8 `.cpuprofile` (node --cpu-prof) the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where an API process spends CPU besides the work its bare handler shares (SDK, sockets, Fastify). */
const API_LAYER =
  /node_modules\/(@nestjs|class-validator|class-transformer|rxjs|pino|fast-redact|sonic-boom|jose|lru-cache|reflect-metadata)\/|\/dist\/(apps|libs\/platform\/(auth|http|bootstrap)|libs\/shared\/(hateoas|logging|errors|config))\//;
const SDK = /node_modules\/(@aws-sdk|@smithy)\//;

export interface ProfileSummary {
  busyMs: number;
  /** Shares of the busy (non-idle) time, in %. */
  apiLayerPercent: number;
  sdkPercent: number;
  /** The API layer's frames with the most self time: `name (file:line) ms`. */
  topApiFrames: string[];
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = frame.url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, '');
  return `${frame.functionName || '(anonymous)'} (${file}:${frame.lineNumber + 1})`;
}

export function summarizeProfile(profile: CpuProfile, top = 5): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const apiSelf = new Map<string, number>();
  let busy = 0;
  let api = 0;
  let sdk = 0;
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id);
    const micros = profile.timeDeltas[index] ?? 0;
    if (!frame || frame.functionName === '(idle)') return;
    busy += micros;
    if (SDK.test(frame.url)) sdk += micros;
    if (!API_LAYER.test(frame.url)) return;
    api += micros;
    const name = frameName(frame);
    apiSelf.set(name, (apiSelf.get(name) ?? 0) + micros);
  });
  const percent = (micros: number) => (busy ? (micros / busy) * 100 : 0);
  return {
    busyMs: busy / 1000,
    apiLayerPercent: percent(api),
    sdkPercent: percent(sdk),
    topApiFrames: [...apiSelf]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `${name} ${(micros / 1000).toFixed(0)} ms`),
  };
}

export function profileNote(service: string, summary: ProfileSummary, scope = 'whole run'): string {
  return (
    `${service} CPU profile (${scope}): of ${summary.busyMs.toFixed(0)} ms busy, the AWS SDK (shared with the ` +
    `bare handler) ${summary.sdkPercent.toFixed(1)}%, the API layer (Nest, validation, auth, logging, ` +
    `presenters, use cases) ${summary.apiLayerPercent.toFixed(1)}%; its top self-time frames: ` +
    `${summary.topApiFrames.join('; ')}.`
  );
}
