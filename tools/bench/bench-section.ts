/**
 * What every benchmark hands to the report (tools/bench/report): a plain-text table for people and
 * the figures behind it for REPORT.md, the chart, the goals and `--check`.
 */
export interface BenchFigure {
  /** Stable across runs (the key in bench/baseline.json), e.g. `tenants-api.read.rps-ratio`. */
  key: string;
  /** What it is, for the report's tables, e.g. `tenants-api GET /tenants/{id}: req/s vs bare`. */
  label: string;
  value: number;
  /** `%`, `x`, `ms`, `s`, `ops/s`, `MB`, `calls`. */
  unit: string;
  /**
   * Set on ratios and counts only (never on absolute times: these machines are noisy): `--check` fails
   * when the value moved more than 20 % in the worse direction against the baseline.
   */
  checked?: { better: 'higher' | 'lower' };
  /** The goal for this figure; the report says met, or missed by how much. */
  goal?: { op: '>=' | '<='; value: number };
  /** Figures sharing a chart group are drawn together (one bar chart per group). */
  chart?: string;
}

export interface BenchSection {
  /** The `--only=` name, e.g. `api`, `lists`, `workers`, `footprint`, `instances`, `sites`. */
  name: string;
  title: string;
  /** The human table, printed as is and put in REPORT.md in a code block. */
  table: string;
  figures: BenchFigure[];
  /** Why a goal is missed (what the profile shows), and other remarks; one paragraph each. */
  notes?: string[];
}

export type Bench = (context: { distRoot: string; repoRoot: string }) => Promise<BenchSection>;
