import { PassThrough } from 'node:stream';
import { createBbwsClient, type Operation } from '@bbws/sdk';
import { Output } from '../output/output';
import type { CliContext } from '../runtime/cli-context';
import { SITE_FIELDS, type Site } from '../views/site.view';
import { reportOutcome, type FinalState } from './operation-outcome';

const operation = (status: Operation['status']): Operation => ({
  operationId: 'op-1',
  tenantId: 'tenant-1',
  type: 'SITE_CREATION',
  status,
  resourceType: 'site',
  resourceId: 'site-9',
  progress: status === 'COMPLETED' ? 100 : 0,
  currentStep: null,
  steps: [],
  message: null,
  error: null,
  result: status === 'COMPLETED' ? { siteId: 'site-9' } : null,
  attempts: 1,
  createdBy: 'user-1',
  createdAt: '2026-12-03T00:00:00.000Z',
  startedAt: null,
  completedAt: null,
  _links: {},
});

/** What the CLI prints for an accepted operation; the operation is read once (COMPLETED) at its Location. */
async function report(flags: { wait?: boolean; json?: boolean; quiet?: boolean }, final?: FinalState<Site>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  const io = { stdout, stderr, env: {} };
  const client = createBbwsClient({
    baseUrl: 'http://bbws.test',
    fetch: async () => Response.json(operation('COMPLETED')),
  });
  const context: CliContext = {
    client,
    output: new Output(io, Boolean(flags.json), Boolean(flags.quiet)),
    io,
    api: client.baseUrl,
    authenticated: true,
  };
  const accepted = {
    data: operation('PENDING'),
    response: new Response(null, { status: 202, headers: { location: '/v1.0/operations/op-1' } }),
  };
  await reportOutcome(context, accepted, { wait: flags.wait, interval: 1 }, final);
  return out.join('');
}

const site = { siteId: 'site-9', siteName: 'Bakery', status: 'ACTIVE' } as Site;
const finalSite: FinalState<Site> = {
  read: async (done) => ({ ...site, siteId: String(done.result?.['siteId']) }),
  fields: SITE_FIELDS,
};

describe('reportOutcome', () => {
  it('without --wait prints the accepted operation (its id with --quiet)', async () => {
    expect(await report({}, finalSite)).toMatch(/^operationId +op-1\n.*^status +PENDING$/ms);
    expect(await report({ quiet: true }, finalSite)).toBe('op-1\n');
  });

  it("with --wait prints the resource's final state, read after the operation completed", async () => {
    const printed = await report({ wait: true }, finalSite);
    expect(printed).toMatch(/^siteId +site-9\n.*^status +ACTIVE$/ms);
    expect(printed).not.toContain('op-1');
    expect(await report({ wait: true, quiet: true }, finalSite)).toBe('site-9\n');
    expect(JSON.parse(await report({ wait: true, json: true }, finalSite))).toEqual(site);
  });

  it('with --wait and nothing to read (a deletion) prints the final operation, its resource id with --quiet', async () => {
    expect(await report({ wait: true })).toMatch(/^operationId +op-1\n.*^status +COMPLETED$/ms);
    expect(await report({ wait: true, quiet: true })).toBe('site-9\n');
  });
});
