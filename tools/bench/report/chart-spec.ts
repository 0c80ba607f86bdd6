import type { BenchSection } from '../bench-section';
import { formatValue } from './figure-format';
import { evaluateGoal } from './goal';

/** One bar of the chart. */
export interface ChartRow {
  label: string;
  value: number;
  text: string;
  goal: number | null;
  state: 'met' | 'missed' | 'no goal';
}

export interface ChartPanel {
  title: string;
  rows: ChartRow[];
}

/**
 * The figures grouped into panels: one per chart group (a figure without one goes with its section),
 * split by unit when a group mixes them so that every panel has one axis.
 */
export function chartPanels(sections: BenchSection[]): ChartPanel[] {
  const panels = new Map<string, ChartPanel>();
  for (const section of sections) {
    for (const figure of section.figures) {
      const group = figure.chart ?? section.name;
      const title = `${group} (${figure.unit})`;
      const panel = panels.get(title) ?? { title, rows: [] };
      panels.set(title, panel);
      const outcome = figure.goal ? evaluateGoal(figure.value, figure.goal) : null;
      panel.rows.push({
        label: figure.label,
        value: figure.value,
        text: formatValue(figure.value, figure.unit),
        goal: figure.goal?.value ?? null,
        state: outcome ? (outcome.met ? 'met' : 'missed') : 'no goal',
      });
    }
  }
  return [...panels.values()];
}

/** From 0 (or the lowest value) to past the highest value or goal, leaving room for the value's text; never empty. */
export function xDomain(rows: ChartRow[]): [number, number] {
  const values = rows.flatMap((row) => (row.goal === null ? [row.value] : [row.value, row.goal]));
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  return [low, high > low ? high * 1.15 : low + 1];
}

const COLORS = { met: '#2e7d32', missed: '#c62828', 'no goal': '#607d8b' };

/**
 * A Vega-Lite spec: the panels stacked, each a horizontal bar chart of its figures coloured by goal
 * state, with the goal drawn as a black tick on its bar's row.
 */
export function chartSpec(panels: ChartPanel[], title: string): Record<string, unknown> {
  return {
    title: {
      text: title,
      subtitle: 'green: goal met; red: goal missed; grey: no goal; black tick: the goal',
      anchor: 'start',
      fontSize: 15,
    },
    background: 'white',
    config: {
      axis: { labelLimit: 0, labelFontSize: 11 },
      view: { stroke: null },
    },
    vconcat: panels.map((panel) => ({
      title: { text: panel.title, anchor: 'start', frame: 'group', fontSize: 13 },
      width: 360,
      height: { step: 22 },
      data: { values: panel.rows },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: null, title: null },
      },
      layer: [
        {
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: {
            x: { field: 'value', type: 'quantitative', title: null, scale: { domain: xDomain(panel.rows) } },
            color: {
              field: 'state',
              type: 'nominal',
              scale: { domain: Object.keys(COLORS), range: Object.values(COLORS) },
              legend: null,
            },
          },
        },
        {
          transform: [{ filter: 'datum.goal !== null' }],
          mark: { type: 'tick', color: 'black', thickness: 2, bandSize: 20 },
          encoding: { x: { field: 'goal', type: 'quantitative' } },
        },
        {
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
          encoding: {
            x: { field: 'value', type: 'quantitative' },
            text: { field: 'text', type: 'nominal' },
          },
        },
      ],
    })),
  };
}
