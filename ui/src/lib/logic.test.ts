// Unit tests of the UI's pure logic: times, field conversion, the idle timer, labels, backups.
import { describe, expect, it } from 'vitest';
import { formatBytes, percent, reasonLabel } from './backups';
import { blankReflection, byField, numberOrNull, parseTags, textOrNull } from './fields';
import type { ReflectionDraft } from '../ipc';
import { IdleTimer, type Timers } from './idle';
import { labelOf, OUTCOMES, SETBACK_TYPES } from './labels';
import { displayDay, localInputToRfc3339, rfc3339ToLocalInput, toLocalInput } from './time';

describe('time', () => {
  it('keeps the local wall-clock time and adds the local offset', () => {
    const out = localInputToRfc3339('2026-11-25T18:30');
    expect(out, 'an RFC 3339 instant with an offset').toMatch(/^2026-11-25T18:30:00[+-]\d{2}:\d{2}$/);
    expect(rfc3339ToLocalInput(out), 'and back to what was typed').toBe('2026-11-25T18:30');
  });
  it('treats blank as now and passes anything malformed through for the journal to explain', () => {
    expect(localInputToRfc3339('  ')).toBeNull();
    expect(localInputToRfc3339('yesterday')).toBe('yesterday');
  });
  it('formats a Date for the input', () => {
    expect(toLocalInput(new Date(2026, 0, 2, 3, 4))).toBe('2026-01-02T03:04');
  });
});

describe('fields', () => {
  it('turns blank into "not answered" and keeps out-of-range numbers for the journal to refuse', () => {
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull('7')).toBe(7);
    expect(numberOrNull('11'), 'range is checked in Rust, so the message is the same everywhere').toBe(11);
    expect(numberOrNull('abc'), 'not a number is not answered').toBeNull();
  });
  it('splits tags on commas and drops blanks', () => {
    expect(parseTags(' housing, hope ,, ')).toEqual(['housing', 'hope']);
  });
  it('keeps text as typed but blank as null', () => {
    expect(textOrNull('  ')).toBeNull();
    expect(textOrNull(' a ')).toBe(' a ');
  });
  it('tells an untouched quick reflection (only its time) from one with anything in it', () => {
    const blank: ReflectionDraft = {
      occurred_at: '2026-12-03T18:00:00+00:00', mood: null, self_worth: null, worth_tied_to_outcomes: null, outcome: null, push_patience: null,
      disclosure: null, connected_to_service: null, service_kind: null, service_held: null, strengths: null, strength_words: [], person_code: null,
      tags: [], text: null, share_text: false, template: null,
    };
    expect(blankReflection(blank), 'only the time, which is filled in for the worker: nothing to keep').toBe(true);
    expect(blankReflection({ ...blank, template: { id: 'x', name: 'X', answers: [{ prompt_id: 'p', prompt: 'P', text: null }] } }), 'a template chosen, nothing answered').toBe(true);
    for (const [what, d] of [
      ['a mood of 0', { ...blank, mood: 0 }],
      ['an outcome', { ...blank, outcome: 'progress' }],
      ['a sentence', { ...blank, text: 'Long day.' }],
      ['a tag', { ...blank, tags: ['housing'] }],
      ['sharing ticked', { ...blank, share_text: true }],
      ['a template answer', { ...blank, template: { id: 'x', name: 'X', answers: [{ prompt_id: 'p', prompt: 'P', text: 'yes' }] } }],
    ] as [string, ReflectionDraft][]) {
      expect(blankReflection(d), `${what} is something typed, and is kept`).toBe(false);
    }
  });
  it('maps problems to fields, first message first', () => {
    expect(byField([{ field: 'mood', message: 'a' }, { field: 'mood', message: 'b' }, { field: 'text', message: 'c' }])).toEqual({ mood: 'a', text: 'c' });
  });
});

describe('idle timer', () => {
  function fakeTimers() {
    let next: (() => void) | null = null;
    let waits: number[] = [];
    const timers: Timers = {
      set: (fn, ms) => {
        next = fn;
        waits.push(ms);
        return 1;
      },
      clear: () => {
        next = null;
      },
    };
    return { timers, fire: () => next?.(), waits: () => waits, reset: () => (waits = []) };
  }

  it('fires once after the wait, and activity re-arms it', () => {
    const t = fakeTimers();
    let fired = 0;
    const idle = new IdleTimer(() => 600_000, () => (fired += 1), t.timers);
    idle.arm();
    idle.touch();
    expect(t.waits(), 'each activity starts a fresh wait').toEqual([600_000, 600_000]);
    t.fire();
    t.fire();
    expect(fired, 'locks once').toBe(1);
    idle.touch();
    expect(t.waits().length, 'no re-arming after it fired, until armed again').toBe(2);
  });

  it('does nothing while stopped', () => {
    const t = fakeTimers();
    let fired = 0;
    const idle = new IdleTimer(() => 10, () => (fired += 1), t.timers);
    idle.arm();
    idle.stop();
    t.fire();
    expect(fired).toBe(0);
  });
});

describe('labels', () => {
  it('has calm words for every choice', () => {
    expect(labelOf(OUTCOMES, 'no_change')).toBe('No change');
    expect(labelOf(SETBACK_TYPES, 'other')).toBe('Something else');
    expect(labelOf(OUTCOMES, null)).toBe('');
  });
});

describe('backups', () => {
  it('names every reason in plain words and never shows a raw id', () => {
    expect(reasonLabel('daily')).toBe('First unlock of the day');
    expect(reasonLabel('before_restore')).toBe('Before a restore');
    expect(reasonLabel('something_new')).toBe('something new');
  });
  it('formats sizes for people', () => {
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(200 * 1024)).toBe('200 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
  it('reports progress as a whole percent and never divides by zero', () => {
    expect(percent(null)).toBe(0);
    expect(percent({ done: 0, total: 0 })).toBe(0);
    expect(percent({ done: 1, total: 3 })).toBe(33);
    expect(percent({ done: 5, total: 4 })).toBe(100);
  });
});

describe('calendar days', () => {
  it('shows a YYYY-MM-DD day as that day wherever the worker is (no shift through UTC)', () => {
    const shown = displayDay('2026-12-09');
    expect(shown, 'the day of the month is the one given').toMatch(/\b9\b/);
    expect(shown, 'and the year').toMatch(/2026/);
    expect(displayDay('not a day'), 'anything else is shown as it is').toBe('not a day');
  });
});
