import { execFileSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { buildProgram } from '../program';
import { bashCompletion, zshCompletion } from './completion-scripts';
import { commandTree } from './command-tree';

const program = buildProgram({ stdout: new PassThrough(), stderr: new PassThrough(), env: {} });

/** What bash's completion offers for `words` (the last one being completed), from the sourced script. */
function complete(words: string[]): string[] {
  const assign = words.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `${bashCompletion(program)}
COMP_WORDS=(${assign}); COMP_CWORD=${words.length - 1}; _bbws; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['--norc', '--noprofile', '-c', script], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
}

describe('completion scripts from the command tree', () => {
  it('walks every command with its own and the global options', () => {
    const nodes = commandTree(program);
    const list = nodes.find((node) => node.path === 'bbws tenants list');
    expect(list?.options.map((option) => option.flag)).toEqual(
      expect.arrayContaining(['--status', '--limit', '--all', '--api', '--json', '-q', '--help']),
    );
    expect(list?.options.map((option) => option.flag)).not.toContain('--page-size');
    expect(list?.options.map((option) => option.flag)).not.toContain('-V');
    expect(nodes.find((node) => node.path === 'bbws')?.options.map((option) => option.flag)).toContain('-V');
    expect(list?.valued).toEqual(
      expect.arrayContaining(['--status', '--name', '--limit', '--api', '--token']),
    );
    expect(nodes.find((node) => node.path === 'bbws')?.subcommands.map((sub) => sub.name)).toEqual(
      expect.arrayContaining([
        'login',
        'tenants',
        'members',
        'invitations',
        'operations',
        'webhooks',
        'completion',
      ]),
    );
  });

  it('bash completes commands, subcommands and options as the tree has them', () => {
    expect(complete(['bbws', 'ten'])).toEqual(['tenants']);
    expect(complete(['bbws', 'operations', ''])).toEqual(['list', 'get', 'watch', 'cancel']);
    expect(complete(['bbws', 'invitations', 'a'])).toEqual(['accept']);
    expect(complete(['bbws', 'tenants', 'list', '--st'])).toEqual(['--status']);
    expect(complete(['bbws', 'webhooks', 'create', 'tenant-1', '--e'])).toEqual(['--event']);
  });

  it('bash skips global options and their values before the command, and offers nothing for a value', () => {
    expect(complete(['bbws', '--api', 'http://127.0.0.1:3000', '--json', 'members', 'l'])).toEqual(['list']);
    expect(complete(['bbws', '--token', 'tenants', 'tenants', 'g'])).toEqual(['get']);
    expect(complete(['bbws', 'tenants', 'list', '--status', ''])).toEqual([]);
  });

  it('zsh describes the same tree and registers the function', () => {
    const zsh = zshCompletion(program);
    expect(zsh.startsWith('#compdef bbws\n')).toBe(true);
    expect(zsh).toContain("'bbws operations') reply=('list:the tenant'\\''s operations, newest first'");
    expect(zsh).toContain("'watch:follow an operation live");
    expect(zsh).toMatch(/'bbws tenants list'\) reply=\([^)]*'--status:PENDING, ACTIVE/);
    expect(zsh).toContain('_describe -t commands');
    expect(zsh).toContain('compdef _bbws bbws');
  });
});
