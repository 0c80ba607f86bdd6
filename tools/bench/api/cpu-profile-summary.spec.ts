import { profileNote, summarizeProfile, type CpuProfile } from './cpu-profile-summary';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(idle)', '') },
    { id: 2, callFrame: frame('send', '/repo/node_modules/@smithy/core/dist-cjs/index.js', 9) },
    {
      id: 3,
      callFrame: frame('transform', '/repo/node_modules/@nestjs/common/pipes/validation.pipe.js', 53),
    },
    {
      id: 4,
      callFrame: frame('presentTenant', '/repo/dist/apps/tenants-api/src/tenants/tenants.presenter.js', 23),
    },
    { id: 5, callFrame: frame('writev', '') },
    {
      id: 6,
      callFrame: frame('launch', '/repo/dist/libs/platform/operations/src/operation-launcher.js', 25),
    },
  ],
  samples: [1, 2, 2, 3, 4, 4, 4, 5, 6, 1],
  timeDeltas: [5000, 1000, 1000, 1000, 1000, 1000, 1000, 2000, 2000, 9000],
};

describe('summarizeProfile', () => {
  it('splits the busy time into the SDK and the API layer (not what the bare handler shares)', () => {
    const summary = summarizeProfile(profile);
    expect(summary.busyMs).toBe(10);
    expect(summary.sdkPercent).toBe(20);
    expect(summary.apiLayerPercent).toBe(40);
  });

  it('lists the API layer frames by self time, with file and 1-based line', () => {
    expect(summarizeProfile(profile, 2).topApiFrames).toEqual([
      'presentTenant (apps/tenants-api/src/tenants/tenants.presenter.js:24) 3 ms',
      'transform (@nestjs/common/pipes/validation.pipe.js:54) 1 ms',
    ]);
  });

  it('words a note for the report', () => {
    expect(profileNote('tenants-api', summarizeProfile(profile, 1))).toBe(
      'tenants-api CPU profile (whole run): of 10 ms busy, the AWS SDK (shared with the bare handler) 20.0%, ' +
        'the API layer (Nest, validation, auth, logging, presenters, use cases) 40.0%; its top self-time frames: ' +
        'presentTenant (apps/tenants-api/src/tenants/tenants.presenter.js:24) 3 ms.',
    );
  });
});
