// Unit tests of the Trends screen's pure logic: the ranges and the spans they send, numbers and
// day counts in words, the coupling panel's lines, a chart's table as rows, and calm words only.
import { describe, expect, it } from 'vitest';
import type { Coupling, TableView } from '../ipc';
import {
  chartDomId,
  couplingLines,
  dayCount,
  DEFAULT_RANGE,
  formatNumber,
  isRangeId,
  rangeChoice,
  rangeOptions,
  RANGES,
  rangeWords,
  spanFor,
  tableCaption,
  tableRows,
} from './trends';

function coupling(over: Partial<Coupling> = {}): Coupling {
  return {
    enough_data: true,
    days: { setback: 4, progress: 4, neither: 2 },
    mean_self_worth: { setback: 3, progress: 8, neither: 5 },
    more_days_needed: { setback: 0, progress: 0, neither: 0 },
    rolling: [],
    dependence: [],
    ...over,
  };
}

const day = (ymd: string) => `day(${ymd})`;

describe('the ranges', () => {
  it('offers the four ranges in order, with their words', () => {
    expect(rangeOptions(), 'the radio group shows these, shortest first').toEqual([
      { value: 'days30', label: 'Last 30 days' },
      { value: 'days90', label: 'Last 90 days' },
      { value: 'days365', label: 'Last year' },
      { value: 'all', label: 'Everything' },
    ]);
  });
  it('sends the span each range stands for', () => {
    expect(spanFor('days30'), '30 days, today included').toEqual({ kind: 'days', days: 30 });
    expect(spanFor('days90'), '90 days').toEqual({ kind: 'days', days: 90 });
    expect(spanFor('days365'), 'a year is 365 days').toEqual({ kind: 'days', days: 365 });
    expect(spanFor('all'), 'everything in the journal').toEqual({ kind: 'all' });
  });
  it('starts on the last 90 days, and falls back to it for anything unknown', () => {
    expect(DEFAULT_RANGE, 'the default range').toBe('days90');
    expect(spanFor(null), 'nothing chosen is the default').toEqual({ kind: 'days', days: 90 });
    expect(spanFor('days7'), 'an unknown id is the default').toEqual({ kind: 'days', days: 90 });
    expect(rangeChoice(undefined).label, 'and is named as such').toBe('Last 90 days');
  });
  it('tells a range id from anything else', () => {
    for (const r of RANGES) expect(isRangeId(r.value), `${r.value} is a range`).toBe(true);
    expect(isRangeId('days7'), 'not offered').toBe(false);
    expect(isRangeId(90), 'a number is not an id').toBe(false);
  });
  it('hands out copies, so the table of ranges cannot be changed by a caller', () => {
    const span = spanFor('days30');
    if (span.kind === 'days') span.days = 1;
    expect(spanFor('days30'), 'still 30 days').toEqual({ kind: 'days', days: 30 });
  });
});

describe('numbers and days in words', () => {
  it('shows numbers as Rust does: up to two decimals, no trailing zeros', () => {
    expect(formatNumber(3), 'whole numbers stay whole').toBe('3');
    expect(formatNumber(10), 'a trailing zero before the point stays').toBe('10');
    expect(formatNumber(5.5), 'one decimal').toBe('5.5');
    expect(formatNumber(6.666666), 'rounded to two decimals').toBe('6.67');
    expect(formatNumber(-0.001), 'no minus zero').toBe('0');
    expect(formatNumber(Number.NaN), 'not a number shows nothing').toBe('');
  });
  it('counts days in plain English', () => {
    expect(dayCount(1)).toBe('1 day');
    expect(dayCount(0)).toBe('0 days');
    expect(dayCount(4)).toBe('4 days');
  });
  it('says which days are shown', () => {
    expect(rangeWords('2026-09-01', '2026-11-29', day), 'two days').toBe('Showing day(2026-09-01) to day(2026-11-29).');
    expect(rangeWords('2026-11-29', '2026-11-29', day), 'one day is named once').toBe('Showing day(2026-11-29).');
  });
});

describe('the coupling panel', () => {
  it('gives each kind of day its mean self-worth and day count', () => {
    expect(couplingLines(coupling()), 'three lines, setback days first').toEqual([
      { group: 'setback', text: 'Days with a setback: self-worth averaged 3 out of 10, over 4 days.' },
      { group: 'progress', text: 'Days with progress: self-worth averaged 8 out of 10, over 4 days.' },
      { group: 'neither', text: 'Other days: self-worth averaged 5 out of 10, over 2 days.' },
    ]);
  });
  it('rounds unrounded means for display only', () => {
    const lines = couplingLines(coupling({ mean_self_worth: { setback: 10 / 3, progress: 7.5, neither: null }, days: { setback: 3, progress: 3, neither: 0 } }));
    expect(lines[0]?.text, 'a third').toBe('Days with a setback: self-worth averaged 3.33 out of 10, over 3 days.');
    expect(lines[1]?.text, 'a half').toBe('Days with progress: self-worth averaged 7.5 out of 10, over 3 days.');
    expect(lines[2]?.text, 'no other days is said, not shown as zero').toBe('Other days: none in this range.');
  });
  it('says nothing more when there is not enough data (the sentence from Rust says what is needed)', () => {
    const few = coupling({ enough_data: false, days: { setback: 1, progress: 3, neither: 0 }, more_days_needed: { setback: 2, progress: 0, neither: 0 } });
    expect(couplingLines(few), 'no means from too few days').toEqual([]);
  });
});

describe("a chart's table", () => {
  const table: TableView = {
    columns: ['Date', 'Mood', 'Self-worth', 'Entries'],
    rows: [
      ['1 Sep 2026', '6', '8', '1'],
      ['2 Sep 2026', '', '3', '2'],
      ['3 Sep 2026', '5'],
      ['4 Sep 2026', '5', '5', '1', 'extra'],
    ],
  };
  it('keeps every row and its cells in order', () => {
    const rows = tableRows(table);
    expect(rows.length, 'one row per row sent').toBe(4);
    expect(rows[0]?.map((c) => c.text), 'cells as sent').toEqual(['1 Sep 2026', '6', '8', '1']);
  });
  it('marks a cell Rust left blank as empty, so it can be said rather than skipped', () => {
    expect(tableRows(table)[1]?.[1], 'no mood that day').toEqual({ text: '', empty: true });
    expect(tableRows(table)[1]?.[2], 'a rating is not empty').toEqual({ text: '3', empty: false });
  });
  it('gives every row exactly one cell per heading', () => {
    for (const row of tableRows(table)) expect(row.length, 'as many cells as headings').toBe(4);
    expect(tableRows(table)[2]?.slice(2), 'a short row is filled with empty cells').toEqual([
      { text: '', empty: true },
      { text: '', empty: true },
    ]);
  });
  it('is fine with no rows', () => {
    expect(tableRows({ columns: ['Date'], rows: [] }), 'an empty range has no rows').toEqual([]);
  });
  it('names the table after its chart', () => {
    expect(tableCaption('Mood and self-worth by day')).toBe('The numbers behind “Mood and self-worth by day”');
  });
  it('makes chart ids safe for element ids', () => {
    expect(chartDomId('single_item_burnout'), 'Rust ids stay as they are').toBe('single_item_burnout');
    expect(chartDomId('a b"c'), 'anything else becomes a hyphen').toBe('a-b-c');
  });
});

describe('the words never judge or diagnose', () => {
  it('has no clinical, alarm or guilt words in anything it writes', () => {
    const all = [
      ...RANGES.map((r) => r.label),
      ...couplingLines(coupling()).map((l) => l.text),
      ...couplingLines(coupling({ days: { setback: 3, progress: 3, neither: 0 }, mean_self_worth: { setback: 1, progress: 9, neither: null } })).map((l) => l.text),
      rangeWords('2026-09-01', '2026-11-29', day),
      tableCaption('Mood and self-worth by day'),
    ].join(' ');
    expect(all).not.toMatch(/diagnos|disorder|burned out|you have burnout|depression|overdue|missed|streak|warning|danger|fail|bad|poor/i);
  });
});
