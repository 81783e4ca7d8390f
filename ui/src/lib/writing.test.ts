import { describe, expect, it } from 'vitest';
import type { FormDraft, ReflectionDraft } from '../ipc';
import { KEPT, landing } from './door';
import { Writing, type Keeper } from './writing';

const blank: ReflectionDraft = {
  occurred_at: '2026-12-03T18:00:00+00:00', mood: null, self_worth: null, worth_tied_to_outcomes: null, outcome: null, push_patience: null,
  disclosure: null, connected_to_service: null, service_kind: null, service_held: null, strengths: null, strength_words: [], person_code: null,
  tags: [], text: null, share_text: false, template: null,
};
const reflection = (fields: ReflectionDraft): FormDraft => ({ kind: 'reflection', entry_id: null, fields });

/** A keeper that notes what it was asked to do. */
function noting() {
  const calls: string[] = [];
  const keeper: Keeper = {
    changed: () => void calls.push('changed'),
    flush: async () => void calls.push('flush'),
    done: async () => void calls.push('done'),
    forget: () => void calls.push('forget'),
  };
  const kept: string[] = [];
  const writing = new Writing(keeper, async (c) => void kept.push(c.instrument));
  return { calls, kept, writing };
}

describe('what is being written', () => {
  it("keeps Home's quick reflection only once something is in it", () => {
    const { calls, writing } = noting();
    writing.changedOnHome(reflection(blank));
    expect(calls, 'an untouched quick reflection is not kept').toEqual([]);
    expect(writing.started, 'and does not count as writing').toBe(false);
    writing.changedOnHome(reflection({ ...blank, mood: 6 }));
    expect(calls, 'a mood chosen is kept').toEqual(['changed']);
    expect(writing.started, 'and counts as writing, so shortcuts stay away').toBe(true);
    writing.changedOnHome(reflection(blank));
    expect(calls, 'emptied again, its kept copy goes').toEqual(['changed', 'done']);
  });

  it('keeps the open form and the last answer before a lock the worker asks for', async () => {
    const { calls, kept, writing } = noting();
    writing.changed(reflection({ ...blank, text: 'not finished' }));
    writing.checkIn = { instrument: 'who5', answers: [1, null, null, null, null], position: 1 };
    await writing.keepBeforeLock('reflection');
    expect(calls, 'the form is kept at once, not a moment later').toEqual(['changed', 'changed', 'flush']);
    expect(kept, "a self-check's answer is kept only on its own screen").toEqual([]);
    expect(writing.form, 'nothing is held after the lock').toBeNull();

    writing.checkIn = { instrument: 'who5', answers: [1, null, null, null, null], position: 1 };
    await writing.keepBeforeLock('checkin');
    expect(kept, "on the self-check's screen its last answer is kept").toEqual(['who5']);
    expect(writing.checkIn, 'and not held after').toBeNull();
  });

  it('after a lock Rust made, holds nothing and keeps nothing more', () => {
    const { calls, writing } = noting();
    writing.changed(reflection({ ...blank, text: 'typed' }));
    writing.forget();
    expect(calls, 'a change not yet kept is dropped (the journal is already locked)').toEqual(['changed', 'forget']);
    expect(writing.form, 'nothing of the journal is left').toBeNull();
  });
});

describe('where an unlock lands', () => {
  it('on Home, or on the form kept when the journal locked, as it was', () => {
    expect(landing(null), 'nothing kept: Home').toEqual({ name: 'home' });
    const back = landing(reflection({ ...blank, text: 'kept' }));
    expect(back, 'a kept reflection comes back with its notice').toEqual({ name: 'reflection', entryId: null, initial: { ...blank, text: 'kept' }, notice: KEPT });
    const plan = landing({ kind: 'self_care_plan', fields: { warning_signs: 'x' } } as unknown as FormDraft);
    expect(plan.name, 'a kept self-care plan comes back on its screen').toBe('plan');
  });
});
