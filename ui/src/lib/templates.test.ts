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
