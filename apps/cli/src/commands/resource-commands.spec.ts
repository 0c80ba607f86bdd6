import { PassThrough } from 'node:stream';
import type { Command, OptionValues } from 'commander';
import { buildProgram } from '../program';
import { createInstanceBody } from './instances/instance-requests';
import { installPluginBody } from './plugins/site-plugin-requests';
import { createSiteBody, updateSiteBody, type CreateSiteFlags } from './sites/site-requests';

const program = buildProgram({ stdout: new PassThrough(), stderr: new PassThrough(), env: {} });

function command(path: string): Command {
  return path.split(' ').reduce<Command>((parent, name) => {
    const child = parent.commands.find((candidate) => candidate.name() === name);
    if (!child) throw new Error(`no command "${path}"`);
    return child;
  }, program);
}

/** The options `argv` sets on the command (commander's parsing, no action run). */
function parsed<Flags extends OptionValues>(
  path: string,
  argv: string[],
): { flags: Flags; operands: string[] } {
  const target = command(path);
  const { operands } = target.parseOptions(argv);
  return { flags: target.opts<Flags>(), operands };
}

const longFlags = (path: string) => command(path).options.map((option) => option.long);

describe('the instances, sites, plugins and templates command tree', () => {
  it.each([
    [
      'instances',
      ['list', 'get', 'status', 'create', 'scale', 'suspend', 'park', 'resume', 'unpark', 'retry', 'delete'],
    ],
    [
      'sites',
      [
        ...['list', 'get', 'status', 'health', 'create', 'update', 'suspend', 'resume', 'retry', 'delete'],
        ...['clone', 'promote', 'backup', 'backups', 'restore'],
      ],
    ],
    [
      'plugins',
      ['list', 'get', 'installed', 'install', 'update', 'uninstall', 'activate', 'deactivate', 'configure'],
    ],
    ['templates', ['list', 'get', 'categories']],
  ])('%s has the reference subcommands', (group, names) => {
    expect(
      command(group)
        .commands.map((sub) => sub.name())
        .sort(),
    ).toEqual([...names].sort());
  });

  it('gives operation commands --wait and --timeout, creating ones --idempotency-key, lists --limit/--all', () => {
    for (const path of [
      'instances create',
      'instances scale',
      'sites create',
      'sites clone',
      'plugins install',
    ]) {
      expect([path, longFlags(path)]).toEqual([path, expect.arrayContaining(['--wait', '--timeout'])]);
    }
    for (const path of [
      'instances create',
      'sites create',
      'sites clone',
      'sites backup',
      'plugins install',
    ]) {
      expect([path, longFlags(path)]).toEqual([path, expect.arrayContaining(['--idempotency-key'])]);
    }
    for (const path of ['sites list', 'sites backups', 'plugins list', 'templates list']) {
      expect([path, longFlags(path)]).toEqual([path, expect.arrayContaining(['--limit', '--all'])]);
    }
  });

  it('parses sites create (repeated --plugin) into the creation body', () => {
    const { flags } = parsed<CreateSiteFlags>('sites create', [
      ...['--name', 'Coastal Bakery', '--subdomain', 'bakery', '--env', 'DEV', '--template', 'tpl-1'],
      ...['--plugin', 'plg-a', '--plugin', 'plg-b', '--wait', '--timeout', '60'],
    ]);
    expect(createSiteBody(flags)).toEqual({
      siteName: 'Coastal Bakery',
      subdomain: 'bakery',
      environment: 'DEV',
      templateId: 'tpl-1',
      plugins: ['plg-a', 'plg-b'],
    });
    expect(flags).toMatchObject({ wait: true, timeout: 60 });
  });

  it('parses sites update --set pairs into a configuration patch', () => {
    const { flags } = parsed<{ name?: string; set?: string[] }>('sites update', [
      ...['--set', 'tagline=Fresh bread every morning', '--set', 'title=Bakery'],
    ]);
    expect(updateSiteBody(flags)).toEqual({
      configuration: { tagline: 'Fresh bread every morning', title: 'Bakery' },
    });
  });

  it('parses instances create and refuses a count that is not a whole number', () => {
    const { flags } = parsed<{ env: string; tier?: string; count?: number }>('instances create', [
      ...['--env', 'PROD', '--tier', 'PROFESSIONAL', '--count', '2'],
    ]);
    expect(createInstanceBody(flags)).toEqual({ environment: 'PROD', tier: 'PROFESSIONAL', desiredCount: 2 });
    expect(() => parsed('instances create', ['--count', 'two'])).toThrow(/whole number/);
  });

  it('parses plugins install --version --no-activate', () => {
    const { flags } = parsed<{ version?: string; activate?: boolean }>('plugins install', [
      ...['--version', '1.2.0', '--no-activate'],
    ]);
    expect(installPluginBody('plg-1', flags)).toEqual({
      pluginId: 'plg-1',
      version: '1.2.0',
      activate: false,
    });
  });
});
