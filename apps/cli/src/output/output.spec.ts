import { PassThrough } from 'node:stream';
import type { CliIo } from '../runtime/cli-io';
import { Output, type Column } from './output';

interface Row {
  id: string;
  name: string;
  tags: string[] | null;
}

const COLUMNS: Column<Row>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'name', value: (row) => row.name },
  { header: 'tags', value: (row) => row.tags },
];

function capture(json = false, quiet = false) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const io: CliIo = { stdout, stderr, env: {} };
  return { output: new Output(io, json, quiet), stdout: () => out.join(''), stderr: () => err.join('') };
}

const ROWS: Row[] = [
  { id: 'a-1', name: 'Alpha', tags: ['x', 'y'] },
  { id: 'b-2', name: 'Beta', tags: null },
];

describe('Output', () => {
  it('prints a list as a table with the headers and one row per item', () => {
    const { output, stdout, stderr } = capture();
    output.list(ROWS, COLUMNS);
    const lines = stdout().trimEnd().split('\n');
    expect(lines[1]).toMatch(/│ id\s+│ name\s+│ tags\s+│/);
    expect(stdout()).toMatch(/│ a-1\s+│ Alpha\s+│ \["x","y"\]\s+│/);
    expect(stdout()).toMatch(/│ b-2\s+│ Beta\s+│\s+│/);
    expect(stderr()).toBe('');
  });

  it('says (none) on stderr for an empty list, leaving stdout empty', () => {
    const { output, stdout, stderr } = capture();
    output.list([], COLUMNS);
    expect(stdout()).toBe('');
    expect(stderr()).toBe('(none)\n');
  });

  it('prints an item as aligned field lines', () => {
    const { output, stdout } = capture();
    output.item(ROWS[0] as Row, COLUMNS);
    expect(stdout()).toBe('id    a-1\nname  Alpha\ntags  ["x","y"]\n');
  });

  it('prints the rows themselves as JSON with --json (an empty list as []) and keeps notes off stderr', () => {
    const { output, stdout, stderr } = capture(true);
    output.list(ROWS, COLUMNS);
    output.note('for people');
    expect(JSON.parse(stdout())).toEqual(ROWS);
    expect(stderr()).toBe('');
    const empty = capture(true);
    empty.output.list([], COLUMNS);
    expect(JSON.parse(empty.stdout())).toEqual([]);
  });

  it('prints only ids with --quiet: one per row of a list, the first field of an item', () => {
    const { output, stdout, stderr } = capture(false, true);
    output.list(ROWS, COLUMNS);
    output.item(ROWS[1] as Row, COLUMNS);
    output.note('for people');
    expect(stdout()).toBe('a-1\nb-2\nb-2\n');
    expect(stderr()).toBe('');
    expect(output.chatty).toBe(false);
  });
});
