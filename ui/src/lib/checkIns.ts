// The self-checks' pure logic: answers kept by item number, where a check-in stands and how to
// resume it, the words for a schedule and a score. Every score and band comes from Rust; this only
// arranges and words what Rust sends. Calm words only: nothing here counts, blames or diagnoses.
import type { CheckInView, Instrument, InstrumentStatus, Item, ScoreView } from '../ipc';
import type { Option } from './labels';

/** The one-question burnout self-check, offered (never forced) after a reflection is saved. */
export const SINGLE_ITEM_ID = 'single_item_burnout';

/** One answer per item, by item number (`answers[n - 1]`); `null` is skipped. */
export type Answers = (number | null)[];

/** Where the worker is in a check-in: an item's place in the shown order (0-based), or the
 * summary at `order.length`. */
export type Position = number;

/** Where the worker is in an unfinished check-in, for App to keep if the journal locks mid-way. */
export type KeptCheckIn = { instrument: string; answers: Answers; position: Position };

/** Every item unanswered. */
export function emptyAnswers(instrument: Instrument): Answers {
  return instrument.items.map(() => null);
}

/** A copy of `answers` with item `n` (1-based, as printed) set to `value` (`null` skips it). */
export function withAnswer(answers: Answers, n: number, value: number | null): Answers {
  if (!Number.isInteger(n) || n < 1 || n > answers.length) return [...answers];
  const next = [...answers];
  next[n - 1] = value;
  return next;
}

/** The answers to start from: the kept draft's when resuming (if it still fits), else none. */
export function startingAnswers(status: InstrumentStatus, resume: boolean): Answers {
  const kept = resume ? status.draft?.answers : undefined;
  return kept && kept.length === status.instrument.items.length ? [...kept] : emptyAnswers(status.instrument);
}

/** Where to resume: the kept position, kept within the check-in (the summary at most). */
export function resumePosition(status: InstrumentStatus): Position {
  const total = status.order.length;
  const at = status.draft?.position ?? 0;
  return Number.isInteger(at) ? Math.min(Math.max(at, 0), total) : 0;
}

/** The item shown at `position` (by the instrument's shown order), or null past the last one. */
export function itemAt(status: InstrumentStatus, position: Position): Item | null {
  const n = status.order[position];
  if (n === undefined) return null;
  return status.instrument.items.find((i) => i.n === n) ?? null;
}

/** "Question 3 of 30" for the item at `position` (0-based). */
export function progressText(position: Position, total: number): string {
  return `Question ${Math.min(position + 1, total)} of ${total}`;
}

/** How many items have an answer. */
export function answeredCount(answers: Answers): number {
  return answers.filter((a) => a !== null).length;
}

/** What the last step says before the results. */
export function summaryText(answers: Answers): string {
  const total = answers.length;
  const answered = answeredCount(answers);
  if (answered === total) return `You answered ${answered} of ${total}.`;
  return `You answered ${answered} of ${total}; skipped questions are fine.`;
}

/** Whether the options are numbered on the form (consecutive whole numbers, like 1–5 or 0–5), so
 * showing the number helps with instructions such as "select the number". The CBI's 0/25/50/75/100
 * are scoring values, not printed, and are not shown. */
export function showsNumbers(instrument: Instrument): boolean {
  return instrument.option_sets.every((set) => {
    const values = set.options.map((o) => o.value).sort((a, b) => a - b);
    return values.every((v, i) => i === 0 || v === (values[i - 1] ?? v) + 1);
  });
}

/** An item's choices for the radio group, in the order the form shows them. */
export function choicesFor(instrument: Instrument, item: Item): Option<number>[] {
  const set = instrument.option_sets.find((s) => s.id === item.options);
  const numbered = showsNumbers(instrument);
  return (set?.options ?? []).map((o) => ({ value: o.value, label: numbered ? `${o.value} — ${o.label}` : o.label }));
}

/** A score for display only: whole numbers as they are, anything else to one decimal. */
export function formatScore(score: number): string {
  if (Number.isInteger(score)) return String(score);
  return (Math.round(score * 10) / 10).toFixed(1);
}

/** A subscale's score in words: "64 out of 100", "32 on a scale from 10 to 50", or no score. */
export function scoreLine(s: ScoreView): string {
  if (s.score === null) return 'No score this time';
  const [low, high] = s.range;
  const shown = formatScore(s.score);
  return low === 0 ? `${shown} out of ${high}` : `${shown} on a scale from ${low} to ${high}`;
}

/** One subscale in a list of past check-ins: its score, or "incomplete" when there is none. */
export function historyLine(s: ScoreView): string {
  return `${s.title}: ${s.score === null ? 'incomplete' : scoreLine(s)}`;
}

/** Said beside a past result that comes with options, wherever it is listed: where they are. */
export const OPTIONS_POINTER = 'This result comes with options: open it for your self-care plan, talking it through, and Support.';

/** Whether a kept check-in is shown with options (never one whose record no longer matches). */
export function comesWithOptions(view: CheckInView): boolean {
  return view.offer_options && !view.problem;
}

/** Every subscale of a kept check-in, for its row in the history, with the pointer to the
 * options when it comes with them. */
export function historySummary(view: CheckInView): string {
  if (view.problem) return 'Scores not shown (see this check-in)';
  const scores = view.scores.map(historyLine).join('; ');
  return comesWithOptions(view) ? `${scores}. ${OPTIONS_POINTER}` : scores;
}

/** The first words of the options beside a result: why they are offered. A measure with bands
 * offers them in some of its ranges; one without (the CBI) has no cut-off, so Ballast offers them
 * with every result rather than draw a line of its own. */
export function optionsIntro(view: CheckInView): string {
  const banded = view.scores.some((s) => s.offer_options && s.band !== null);
  const why = banded
    ? 'When a result is in this range, it can help to pause and look after yourself.'
    : `The ${view.title} has no cut-off, so Ballast offers these with every result, whatever the numbers.`;
  return `${why} Take whatever is useful here; none of it is required, and nothing is shared unless you share it.`;
}

function everyDays(days: number): string {
  return days === 1 ? 'every day' : `every ${days} days`;
}

/** The schedule in gentle words: an invitation, never a deadline. `day` formats a calendar day. */
export function scheduleWords(status: InstrumentStatus, day: (ymd: string) => string): string {
  const days = status.every_days;
  switch (status.due.state) {
    case 'unscheduled':
      return status.instrument.cadence_days === null
        ? 'Any time, whenever it feels useful.'
        : 'Suggestion turned off. It is here any time you want it.';
    case 'later':
      return days ? `Suggested ${everyDays(days)}. Next suggested from ${day(status.due.from)}.` : `Next suggested from ${day(status.due.from)}.`;
    case 'now':
      return days ? `Suggested ${everyDays(days)}. It is there whenever you have a few quiet minutes.` : 'It is there whenever you have a few quiet minutes.';
  }
}

/** When it was last taken, or that it has not been yet. */
export function lastTakenWords(status: InstrumentStatus, date: (instant: string) => string): string {
  return status.last_taken ? `Last taken ${date(status.last_taken)}.` : 'Not taken yet.';
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The calm line on the journal's home screen when a self-check is suggested now; '' when none.
 * One already under way is left to `keptLine`. */
export function dueLine(statuses: InstrumentStatus[]): string {
  const names = statuses.filter((s) => s.due.state === 'now' && !s.draft).map((s) => s.instrument.short_title);
  if (names.length === 0) return '';
  return names.length === 1
    ? `A self-check is there when you have a few quiet minutes: ${names[0]}.`
    : `Self-checks are there when you have a few quiet minutes: ${joinNames(names)}.`;
}

/** The line saying an unfinished check-in is kept; '' when there is none. */
export function keptLine(statuses: InstrumentStatus[]): string {
  const names = statuses.filter((s) => s.draft).map((s) => s.instrument.short_title);
  if (names.length === 0) return '';
  return `Your ${joinNames(names)} ${names.length === 1 ? 'is' : 'are'} kept where you left off, for whenever you want to carry on.`;
}

/** Where an unfinished check-in stands, e.g. "You had reached question 4 of 30." */
export function keptWhere(status: InstrumentStatus): string {
  if (!status.draft) return '';
  const total = status.order.length;
  const at = resumePosition(status);
  return at >= total ? 'You had reached the end of the questions.' : `You had reached question ${at + 1} of ${total}.`;
}

/** The largest number the desktop side accepts as "days" (a u32). */
const MAX_WIRE_DAYS = 0xffff_ffff;

/** The days to send for what was typed. A whole number from 0 goes as typed; anything else (blank,
 * negative, a fraction) goes as a number Rust refuses, so the message the worker sees is Rust's. */
export function daysToSend(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_WIRE_DAYS ? value : MAX_WIRE_DAYS;
}
