import autocannon from 'autocannon';
import { freePort } from '@bbws/testing-engines';
import { median, msToFirstOk, rssMb, startNode, stopProcess, type StartedProcess } from './app-process';

export interface FootprintSettings {
  starts: number;
  /** Requests sent one by one after the first 200, before the idle reading. */
  warmRequests: number;
  /** Pause after those requests so the heap settles before the idle reading. */
  settleMs: number;
  loadSeconds: number;
  loadConnections: number;
}

export interface Footprint {
  coldStartsMs: number[];
  coldStartMs: number;
  idleRssMb: number;
  loadedRssMb: number;
  loadRequestsPerSecond: number;
  loadNon2xx: number;
}

export interface MeasuredTarget {
  script: string;
  env: NodeJS.ProcessEnv;
  /** Built from the port the process gets. */
  url: (port: number) => string;
  headers: Record<string, string>;
  nodeArgs: readonly string[];
}

/**
 * Starts the target `starts` times, one after the other: cold start = spawn to the first 200 of its URL,
 * idle RSS = VmRSS after a few requests and a pause (median over the starts); on the last start, the peak
 * VmRSS sampled every 50 ms during an autocannon load of its URL.
 */
export async function measureFootprint(
  target: MeasuredTarget,
  settings: FootprintSettings,
): Promise<Footprint> {
  const coldStartsMs: number[] = [];
  const idle: number[] = [];
  let load = { peak: 0, requestsPerSecond: 0, non2xx: 0 };
  for (let start = 0; start < settings.starts; start += 1) {
    const port = await freePort();
    const url = target.url(port);
    const started = startNode(target.script, { ...target.env, PORT: String(port) }, target.nodeArgs);
    try {
      coldStartsMs.push(await msToFirstOk(started, url, target.headers));
      for (let request = 0; request < settings.warmRequests; request += 1) {
        const response = await fetch(url, { headers: target.headers });
        await response.arrayBuffer();
      }
      await new Promise((resolve) => setTimeout(resolve, settings.settleMs));
      idle.push(await rssMb(pid(started)));
      if (start === settings.starts - 1)
        load = await peakRssUnderLoad(started, url, target.headers, settings);
    } finally {
      await stopProcess(started);
    }
  }
  return {
    coldStartsMs,
    coldStartMs: median(coldStartsMs),
    idleRssMb: median(idle),
    loadedRssMb: load.peak,
    loadRequestsPerSecond: load.requestsPerSecond,
    loadNon2xx: load.non2xx,
  };
}

async function peakRssUnderLoad(
  started: StartedProcess,
  url: string,
  headers: Record<string, string>,
  settings: FootprintSettings,
): Promise<{ peak: number; requestsPerSecond: number; non2xx: number }> {
  let peak = await rssMb(pid(started));
  const sampler = setInterval(() => {
    rssMb(pid(started)).then(
      (value) => (peak = Math.max(peak, value)),
      () => undefined,
    );
  }, 50);
  let result: autocannon.Result;
  try {
    result = await autocannon({
      url,
      headers,
      connections: settings.loadConnections,
      duration: settings.loadSeconds,
    });
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, await rssMb(pid(started)));
  return { peak, requestsPerSecond: result.requests.average, non2xx: result.non2xx };
}

function pid(started: StartedProcess): number {
  if (started.child.pid === undefined) throw new Error('the process did not start');
  return started.child.pid;
}
