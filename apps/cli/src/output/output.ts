import Table from 'cli-table3';
import type { CliIo } from '../runtime/cli-io';

/** One column of a table: its header and how to read the cell from a row. */
export interface Column<Row> {
  header: string;
  value: (row: Row) => unknown;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Everything a command prints to stdout goes through here: `--json` prints the API's JSON as it came
 * (one document per command), otherwise a table or `key  value` lines for people; `--quiet` prints only
 * ids (the first column of a list or of an item's fields, by convention the resource's id). Messages for
 * people go to stderr so that stdout stays parseable.
 */
export class Output {
  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
    readonly quiet = false,
  ) {}

  /** A list: a table of `columns`, or with --json the items as a JSON array, or with --quiet their ids. */
  list<Row>(rows: Row[], columns: Column<Row>[]): void {
    if (this.quiet) {
      for (const row of rows) this.line(cell(columns[0]?.value(row)));
      return;
    }
    if (this.json) return this.writeJson(rows);
    if (rows.length === 0) return this.note('(none)');
    const table = new Table({
      head: columns.map((column) => column.header),
      style: { head: [], border: [] },
    });
    for (const row of rows) table.push(columns.map((column) => cell(column.value(row))));
    this.io.stdout.write(`${table.toString()}\n`);
  }

  /** One resource: `field  value` lines of `fields`, or with --json the whole resource, or with --quiet its id. */
  item<Row>(row: Row, fields: Column<Row>[]): void {
    if (this.quiet) return this.id(fields[0]?.value(row));
    if (this.json) return this.writeJson(row);
    const width = Math.max(...fields.map((field) => field.header.length));
    for (const field of fields) {
      this.io.stdout.write(`${field.header.padEnd(width)}  ${cell(field.value(row))}\n`);
    }
  }

  /** Any JSON value, as is (with --json) or pretty-printed. */
  raw(value: unknown): void {
    this.writeJson(value);
  }

  /** What --quiet prints for a command's result: the id alone on a line (nothing when there is none). */
  id(value: unknown): void {
    const text = cell(value);
    if (text) this.line(text);
  }

  /** Whether messages for people are wanted (not with --json or --quiet). */
  get chatty(): boolean {
    return !this.json && !this.quiet;
  }

  /** A line for people (stderr): what happened, what to do next. Silent with --json and --quiet. */
  note(text: string): void {
    if (this.chatty) this.io.stderr.write(`${text}\n`);
  }

  /** A plain line on stdout (an id for `$(bbws …)`, a completion script). */
  line(text: string): void {
    this.io.stdout.write(`${text}\n`);
  }

  private writeJson(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }
}
