// Templates in the reflection form: which prompts to show (an edited entry keeps the prompts it
// was written with; a new one takes its template's), the answers as the form keeps them, and the
// template part of the draft sent to Rust (none for the everyday form with nothing answered).

import type { OwnTemplateDraft, Prompt, Template, TemplateDraft, TemplateView } from '../ipc';

/** The everyday form's template. */
export const QUICK = 'post_shift';

export type Chosen = { id: string; name: string; about: string; prompts: Prompt[] };

/** The prompts to show for `id`: those an entry was written with when given (`written`), else the
 * template's own, else none. */
export function promptsFor(id: string, templates: TemplateView[], written: TemplateDraft | null): Chosen {
  if (written && written.id === id && written.answers.every((a) => a.prompt !== '')) {
    return { id, name: written.name, about: '', prompts: written.answers.map((a) => ({ id: a.prompt_id, text: a.prompt })) };
  }
  const t = templates.find((v) => v.template.id === id)?.template;
  return t ? { id, name: t.name, about: t.about, prompts: t.prompts } : { id, name: '', about: '', prompts: [] };
}

/** The answers by prompt id, as the form holds them. */
export function answersOf(t: TemplateDraft | null): Record<string, string> {
  return Object.fromEntries((t?.answers ?? []).map((a) => [a.prompt_id, a.text ?? '']));
}

/** The draft's template: `null` for the everyday form; else every shown prompt with its answer. */
export function templateDraft(id: string, chosen: Chosen, answers: Record<string, string>): TemplateDraft | null {
  if (id === QUICK) return null;
  return {
    id,
    name: chosen.name,
    answers: chosen.prompts.map((p) => {
      const text = (answers[p.id] ?? '').trim();
      return { prompt_id: p.id, prompt: p.text, text: text === '' ? null : (answers[p.id] ?? null) };
    }),
  };
}

/** The list with the item at `i` moved by one place (up: -1). */
export function moved<T>(list: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  const [a, b] = [next[i], next[j]];
  if (a === undefined || b === undefined) return list;
  next[i] = b;
  next[j] = a;
  return next;
}

/** One's own template as the editor holds it: every part present. */
export type OwnEdit = Required<OwnTemplateDraft>;

/** A new template of one's own, with one question to start from. */
export function newOwn(): OwnEdit {
  return { id: '', name: '', about: '', prompts: [{ id: '', text: '' }] };
}

/** One's own template as the editor holds it (a copy, so Cancel leaves it as it was). */
export function ownDraft(t: Template): OwnEdit {
  return { id: t.id, name: t.name, about: t.about, prompts: t.prompts.map((p) => ({ ...p })) };
}
