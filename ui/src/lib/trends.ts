// The Trends screen's pure logic: the ranges the worker can choose and the span each sends, a
// chart's table as rows of cells, and the words around the statistics. Every number and chart
// comes from Rust; this only arranges and words what Rust sends. Calm words only: these describe
// the worker's own entries, never judge or diagnose.
import type { Coupling, Span, TableView } from '../ipc';
import type { Option } from './labels';

/** The ranges offered, by a stable id (also the radio buttons' ids). */
export type RangeId = 'days30' | 'days90' | 'days365' | 'all';

/** One range: its id, its words and the span sent to `getTrends`. */
export type RangeChoice = Option<RangeId> & { span: Span };

/** What the screen shows first: the last 90 days. */
const LAST_90: RangeChoice = { value: 'days90', label: 'Last 90 days', span: { kind: 'days', days: 90 } };

export const RANGES: readonly RangeChoice[] = [
  { value: 'days30', label: 'Last 30 days', span: { kind: 'days', days: 30 } },
  LAST_90,
  { value: 'days365', label: 'Last year', span: { kind: 'days', days: 365 } },
  { value: 'all', label: 'Everything', span: { kind: 'all' } },
];

export const DEFAULT_RANGE: RangeId = LAST_90.value;

/** Whether `value` names one of the ranges. */
export function isRangeId(value: unknown): value is RangeId {
  return RANGES.some((r) => r.value === value);
}

/** The choice for an id; anything else (none chosen) is the default. */
export function rangeChoice(id: string | null | undefined): RangeChoice {
  return RANGES.find((r) => r.value === id) ?? LAST_90;
}

/** The span to send for a range id (a copy, so a caller cannot change the table above). */
export function spanFor(id: string | null | undefined): Span {
  return { ...rangeChoice(id).span };
}

/** The choices for the radio group. */
export function rangeOptions(): Option<RangeId>[] {
  return RANGES.map(({ value, label }) => ({ value, label }));
}

/** A number as Rust shows it in summaries: up to two decimals, without trailing zeros. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  let s = v.toFixed(2);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** "1 day", "4 days". */
export function dayCount(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** The days shown, in words: "Showing Mon 1 Sep 2026 to Sat 29 Nov 2026." `day` formats a
 * calendar day (`YYYY-MM-DD`). */
export function rangeWords(from: string, to: string, day: (ymd: string) => string): string {
  return from === to ? `Showing ${day(from)}.` : `Showing ${day(from)} to ${day(to)}.`;
}

/** The three kinds of day the coupling compares. */
export type Group = 'setback' | 'progress' | 'neither';

const GROUPS: readonly { group: Group; label: string }[] = [
  { group: 'setback', label: 'Days with a setback' },
  { group: 'progress', label: 'Days with progress' },
  { group: 'neither', label: 'Other days' },
];

/** One kind of day in words, for the coupling panel. */
export type CouplingLine = { group: Group; text: string };

/** Each kind of day's mean self-worth and how many days it rests on, in plain words; nothing when
 * there is not yet enough data (the coupling sentence then says how many more days it needs). */
export function couplingLines(c: Coupling): CouplingLine[] {
  if (!c.enough_data) return [];
  return GROUPS.map(({ group, label }) => {
    const days = c.days[group];
    const mean = c.mean_self_worth[group];
    const text =
      days === 0 || mean === null
        ? `${label}: none in this range.`
        : `${label}: self-worth averaged ${formatNumber(mean)} out of 10, over ${dayCount(days)}.`;
    return { group, text };
  });
}

/** One cell of a chart's table; `empty` when Rust sent nothing for it (no rating that day). */
export type Cell = { text: string; empty: boolean };

/** A chart's table as rows of exactly one cell per column (a short row is filled with empty
 * cells, extra cells are dropped), so every cell sits under its heading. */
export function tableRows(table: TableView): Cell[][] {
  const width = table.columns.length;
  return table.rows.map((row) =>
    Array.from({ length: width }, (_, i) => {
      const text = (row[i] ?? '').trim();
      return { text, empty: text === '' };
    }),
  );
}

/** The table's caption. */
export function tableCaption(title: string): string {
  return `The numbers behind “${title}”`;
}

/** A chart id made safe for element ids ("single_item_burnout" stays as it is). */
export function chartDomId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}
