// Turning form values into drafts and back, and field problems into messages per input.
import type { FieldError, ReflectionDraft } from '../ipc';

/** A number input's value: blank or not a number is "not answered"; any number is sent as typed
 * (out-of-range numbers included, for the journal to refuse with its message). */
export function numberOrNull(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A text input's value: blank is null. */
export function textOrNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

/** Tags typed as "housing, hope" become ["housing", "hope"]. */
export function parseTags(value: string): string[] {
  return value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Field problems keyed by field name; the first message wins. */
export function byField(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    if (!(e.field in out)) out[e.field] = e.message;
  }
  return out;
}

/** The input id of the first field, in form order, that has a problem. */
export function firstInvalid(errors: Record<string, string>, order: [field: string, id: string][]): string | null {
  return order.find(([field]) => field in errors)?.[1] ?? null;
}


/** A comma-separated list with `word` added at the end (unless it is there already). */
export function addWord(list: string, word: string): string {
  const words = parseTags(list);
  return words.includes(word) ? list : [...words, word].join(', ');
}

/** Whether a reflection has nothing in it but its time (a template may be chosen, with nothing
 * answered): an untouched quick form on Home, which is not kept as a draft. */
export function blankReflection(d: ReflectionDraft): boolean {
  const answered = (d.template?.answers ?? []).some((a) => (a.text ?? '').trim() !== '');
  return (
    d.mood === null &&
    d.self_worth === null &&
    d.worth_tied_to_outcomes === null &&
    d.outcome === null &&
    d.push_patience === null &&
    d.disclosure === null &&
    d.connected_to_service === null &&
    !d.strengths &&
    d.strength_words.length === 0 &&
    !d.person_code &&
    d.tags.length === 0 &&
    !d.text &&
    !d.share_text &&
    !answered
  );
}
