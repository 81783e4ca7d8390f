// The Supervision summary screen's pure logic: the range it starts on, the request built from what
// the worker chose, whether the preview shown still matches those choices, and the words around
// the entries, what a file holds, a save and the share log. Every rule, every refusal and the
// summary itself come from Rust; this only arranges and words what Rust sends. Calm words only,
// in the worker's own voice where the worker speaks.
import type { EntryKind, FieldError, Format, Included, ShareableEntry, Shared, SummaryRequest, SummaryWritten } from '../ipc';

/** What the worker has chosen on the screen, as typed. */
export type SummaryForm = {
  from: string;
  to: string;
  includeCodes: boolean;
  includeTags: boolean;
  note: string;
  author: string;
};

/** The preview on screen: the request it was drawn for, and how many share ticks had been
 * changed by then (a tick changes what the file holds without changing the request). */
export type Shown = { request: SummaryRequest; shares: number };

/** How many days the screen shows at first, today included. */
export const DEFAULT_DAYS = 30;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A local calendar day as `YYYY-MM-DD` (what a date input holds). */
export function ymd(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The range the screen starts on: the last 30 days, ending today (local days, today included). */
export function defaultRange(today: Date): { from: string; to: string } {
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (DEFAULT_DAYS - 1));
  return { from: ymd(start), to: ymd(today) };
}

/** The form as the screen starts it: the default range, both extras unticked (every visit, for
 * privacy), and the note and name kept from last time. */
export function initialForm(today: Date, words: { note?: string | null; author?: string | null } | null = null): SummaryForm {
  return { ...defaultRange(today), includeCodes: false, includeTags: false, note: words?.note ?? '', author: words?.author ?? '' };
}

/** Blank (or only spaces) is "none"; anything else is sent exactly as typed, for Rust to check. */
function wordsOrNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

/** The request for the worker's choices. The days are sent as typed; Rust checks them. */
export function buildRequest(form: SummaryForm): SummaryRequest {
  return {
    from: form.from,
    to: form.to,
    include_codes: form.includeCodes,
    include_tags: form.includeTags,
    note: wordsOrNull(form.note),
    author: wordsOrNull(form.author),
  };
}

/** Whether two requests ask for the same summary. */
export function sameRequest(a: SummaryRequest, b: SummaryRequest): boolean {
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.include_codes === b.include_codes &&
    a.include_tags === b.include_tags &&
    (a.note ?? null) === (b.note ?? null) &&
    (a.author ?? null) === (b.author ?? null)
  );
}

/** Whether the preview on screen no longer shows what would be saved now: there is none yet, a
 * choice changed since, or a share tick changed since. Saving then draws the preview again first,
 * so what is saved is always what was last shown. */
export function isStale(current: SummaryRequest, shown: Shown | null, shares: number): boolean {
  return shown === null || shown.shares !== shares || !sameRequest(current, shown.request);
}

/** "reflection" or "setback", as an entry is named in a sentence. */
export function kindWord(kind: EntryKind): string {
  return kind === 'setback' ? 'setback' : 'reflection';
}

/** The start of an entry's text, short enough for a checkbox's label. */
export function previewStart(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '') return '(no text written)';
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** An entry's share tick, in the worker's voice: "Share this reflection's text — Tue 3 Mar 2026,
 * 18:00: Small step…". `time` formats the instant in local time. */
export function entryLabel(entry: Pick<ShareableEntry, 'kind' | 'occurred_at' | 'preview'>, time: (iso: string) => string): string {
  return `Share this ${kindWord(entry.kind)}'s text — ${time(entry.occurred_at)}: ${previewStart(entry.preview)}`;
}

function count(n: number, one: string, many: string): string {
  if (n === 0) return `no ${many}`;
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

const yesNo = (on: boolean) => (on ? 'yes' : 'no');

/** What a summary holds, as a list in words (counts and yes or no, never content). */
export function includedList(included: Included): string {
  return [
    `${count(included.check_ins, 'self-check', 'self-checks')}, ${count(included.charts, 'chart', 'charts')}, ${count(included.shared_entries, 'shared entry', 'shared entries')}`,
    `person codes: ${yesNo(included.person_codes)}`,
    `tags: ${yesNo(included.tags)}`,
    `your note: ${yesNo(included.note)}`,
    `your name: ${yesNo(included.name)}`,
  ].join('; ');
}

/** The line above the preview: "This file will hold: 1 self-check, 4 charts, 1 shared entry;
 * person codes: no; tags: no; your note: yes; your name: no." */
export function includedWords(included: Included): string {
  return `This file will hold: ${includedList(included)}.`;
}

/** "PDF" or "Markdown". */
export function formatName(format: Format): string {
  return format === 'pdf' ? 'PDF' : 'Markdown';
}

/** The words after a save: where it went, or that nothing was saved (the dialog was closed). */
export function savedWords(written: SummaryWritten | null): string {
  return written === null ? 'Nothing was saved.' : `Saved to ${written.path}.`;
}

/** What a share-log record says, in parts: when it was saved (local), which days, the format,
 * the file's name and what it held. `time` formats an instant, `day` a `YYYY-MM-DD` day. */
export type ShareLogRow = { when: string; range: string; format: string; file: string; held: string };

export function shareLogRow(shared: Shared, time: (iso: string) => string, day: (ymd: string) => string): ShareLogRow {
  return {
    when: time(shared.shared_at),
    range: shared.from === shared.to ? day(shared.from) : `${day(shared.from)} to ${day(shared.to)}`,
    format: formatName(shared.format),
    file: shared.file_name,
    held: `It held ${includedList(shared.included)}.`,
  };
}

/** A share-log record as one sentence, for the list: "Tue 25 Nov 2026, 18:30: a PDF of Mon 27
 * Oct 2026 to Tue 25 Nov 2026, saved as summary.pdf. It held …". */
export function shareLogLine(shared: Shared, time: (iso: string) => string, day: (ymd: string) => string): string {
  const r = shareLogRow(shared, time, day);
  return `${r.when}: a ${r.format} of ${r.range}, saved as ${r.file}. ${r.held}`;
}

/** The share log, newest first (as Rust sends it; sorted again so the order never depends on it). */
export function newestFirst(log: readonly Shared[]): Shared[] {
  return [...log].sort((a, b) => (a.shared_at < b.shared_at ? 1 : a.shared_at > b.shared_at ? -1 : 0));
}

/** What is said once the share log is cleared. */
export function clearedWords(removed: number): string {
  const what = removed === 1 ? '1 record' : `${removed} records`;
  return removed === 0
    ? 'The share log was already empty.'
    : `The share log is cleared (${what} removed). The files you saved are not touched.`;
}

/** The words of the confirmation before clearing the share log. */
export const CLEAR_LOG_CONFIRM = {
  title: 'Clear the share log?',
  body: 'This removes the list of summaries you saved and when. The files themselves are not touched, wherever you saved them.',
  confirmLabel: 'Clear the share log',
} as const;

/** [field, input id] in screen order, for showing Rust's messages next to their inputs and moving
 * focus to the first one. */
export const SUMMARY_ORDER: [field: string, id: string][] = [
  ['from', 'summary-from'],
  ['to', 'summary-to'],
  ['note', 'summary-note'],
  ['author', 'summary-author'],
];

/** A refusal's message when none of its problems belongs to an input on this screen (so the
 * sentence is shown once, near the buttons); empty when every problem is shown next to its input. */
export function generalProblem(error: { message: string; fields: readonly FieldError[] }): string {
  const known = new Set(SUMMARY_ORDER.map(([field]) => field));
  const elsewhere = error.fields.filter((f) => !known.has(f.field));
  if (error.fields.length === 0) return error.message;
  if (elsewhere.length === 0) return '';
  return elsewhere.map((f) => f.message).join(' ');
}
