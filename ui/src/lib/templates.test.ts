// Unit tests of the reflection form's template logic: an edited entry keeps the prompts it was
// written with, a new one takes its template's, and the everyday form sends no template.
import { describe, expect, it } from 'vitest';
import type { TemplateView } from '../ipc';
import { answersOf, promptsFor, QUICK, templateDraft } from './templates';

const gibbs: TemplateView = {
  hidden: false,
  template: { id: 'gibbs', name: 'A deeper look', about: 'Six steps.', built_in: true, prompts: [{ id: 'description', text: 'What happened?' }, { id: 'feelings', text: 'Feelings?' }] },
};

describe('templates in the reflection form', () => {
  it('shows the template’s prompts for a new entry, and the written ones for an edited entry', () => {
    expect(promptsFor('gibbs', [gibbs], null).prompts.map((p) => p.id)).toEqual(['description', 'feelings']);
    const written = { id: 'gibbs', name: 'Old name', answers: [{ prompt_id: 'description', prompt: 'What happened then?', text: 'A call' }] };
    const chosen = promptsFor('gibbs', [gibbs], written);
    expect(chosen.name).toBe('Old name');
    expect(chosen.prompts).toEqual([{ id: 'description', text: 'What happened then?' }]);
    expect(answersOf(written)).toEqual({ description: 'A call' });
  });
  it('sends no template for the everyday form, and every prompt with its answer otherwise', () => {
    expect(templateDraft(QUICK, promptsFor(QUICK, [gibbs], null), {})).toBeNull();
    const d = templateDraft('gibbs', promptsFor('gibbs', [gibbs], null), { feelings: 'Tired ', description: '  ' });
    expect(d?.answers).toEqual([
      { prompt_id: 'description', prompt: 'What happened?', text: null },
      { prompt_id: 'feelings', prompt: 'Feelings?', text: 'Tired ' },
    ]);
  });
});

describe('arranging templates', async () => {
  const { moved, newOwn, ownDraft } = await import('./templates');
  it('moves one place and never past an end', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
  it('starts a new template with one question, and edits a copy', () => {
    expect(newOwn().prompts).toHaveLength(1);
    const t = { id: 'own_1', name: 'Mine', about: '', built_in: false, prompts: [{ id: 'q1', text: 'Why?' }] };
    const d = ownDraft(t);
    d.prompts[0]!.text = 'How?';
    expect(t.prompts[0]?.text).toBe('Why?');
  });
});

describe('strength words offered again', async () => {
  const { addWord } = await import('./fields');
  it('adds a word at the end, once', () => {
    expect(addWord('humour', 'patience')).toBe('humour, patience');
    expect(addWord('humour, patience', 'humour')).toBe('humour, patience');
    expect(addWord('', 'warmth')).toBe('warmth');
  });
});
