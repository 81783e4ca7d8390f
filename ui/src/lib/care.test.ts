// Unit tests of the self-care plan's and the Support list's pure logic: the plan's sections in
// Rust's order with calm labels, versions in words, the edits to the list of resources, the field
// names Rust uses for problems, and the words around nudges.
import { describe, expect, it } from 'vitest';
import type { PlanVersionView, SelfCarePlan } from '../ipc';
import {
  addRow,
  backLabel,
  changeRow,
  emptyPlan,
  fromRows,
  isEmptyPlan,
  listProblems,
  moveRow,
  nextKey,
  NUDGE_DISMISSED,
  NUDGE_INTRO,
  nudgeHeading,
  PLAN_ORDER,
  PLAN_PARTS,
  PLAN_SECTIONS,
  planFrom,
  removeRow,
  resourceField,
  resourceInputId,
  resourceOrder,
  rowName,
  rowsChanged,
  samePlan,
  savedWords,
  toRows,
  versionItems,
  withStarting,
  versionLine,
  withoutNudge,
} from './care';

/** The parts in the order Rust lists them (crates/ballast-core/src/care.rs, `SelfCarePlan::parts`). */
const RUST_ORDER = [
  'warning_signs',
  'helps_body',
  'helps_mind',
  'helps_relationships',
  'helps_work',
  'people',
  'boundaries',
  'vt_risk_factors',
  'vt_signs',
  'vt_coping',
  'vt_meaning',
  'vt_goals',
  'notes',
];
/** Words no screen may show: no guilt, no counting, no diagnosis, no alarm. */
const UNKIND = /overdue|missed|streak|diagnos|disorder|burned out|you have burnout|depression|warning!|urgent|failed/i;
const time = (v: string) => `time(${v})`;

describe('the plan', () => {
  it('has every part Rust keeps, once, in Rust\'s order', () => {
    expect(PLAN_PARTS.map((p) => p.field), 'the parts in order').toEqual(RUST_ORDER);
    expect(Object.keys(emptyPlan()).sort(), 'an empty plan has exactly these parts').toEqual([...RUST_ORDER].sort());
    expect(PLAN_ORDER.map(([field]) => field), 'focus order follows the form').toEqual(RUST_ORDER);
  });

  it('groups the parts under Ballast\'s own headings', () => {
    expect(PLAN_SECTIONS.map((s) => s.title), 'the section headings, in order').toEqual([
      'Warning signs',
      'What helps',
      'People I can talk to',
      'Boundaries',
      'A plan for vicarious trauma, in five steps',
      'Anything else',
    ]);
    const helps = PLAN_SECTIONS.find((s) => s.id === 'helps');
    expect(helps?.parts.map((p) => p.label), 'what helps, in four parts of life').toEqual(['Body', 'Mind', 'Relationships', 'Work']);
    const vt = PLAN_SECTIONS.find((s) => s.id === 'vicarious');
    expect(vt?.parts.map((p) => p.label), 'the five steps, numbered').toEqual([
      '1. What tends to weigh on me',
      '2. How I notice it in myself',
      '3. What I do to cope',
      '4. Where I find meaning and hope',
      '5. Two goals for this week',
    ]);
  });

  it('gives every part a unique input id and a label, in calm words', () => {
    const ids = PLAN_PARTS.map((p) => p.id);
    expect(new Set(ids).size, 'no two inputs share an id').toBe(ids.length);
    expect(ids.every((id) => /^plan-[a-z-]+$/.test(id)), `ids are plain (${ids.join(', ')})`).toBe(true);
    expect(PLAN_PARTS.find((p) => p.field === 'vt_goals')?.id, 'underscores become hyphens').toBe('plan-vt-goals');
    for (const p of PLAN_PARTS) expect(p.label.length, `${p.field} has a label`).toBeGreaterThan(0);
    const words = PLAN_SECTIONS.flatMap((s) => [s.title, s.intro, ...s.parts.flatMap((p) => [p.label, p.hint])]).join(' ');
    expect(words, 'nothing judges or alarms').not.toMatch(UNKIND);
  });

  it('fills missing parts from Rust with empty text, and copies rather than shares', () => {
    const partial = { warning_signs: 'Short sleep' } as Partial<SelfCarePlan>;
    const plan = planFrom(partial);
    expect(plan.warning_signs, 'a part that was sent is kept').toBe('Short sleep');
    expect(plan.vt_goals, 'a missing part is empty').toBe('');
    plan.warning_signs = 'changed';
    expect(partial.warning_signs, 'the original is not changed').toBe('Short sleep');
    expect(planFrom(null), 'nothing sent is an empty plan').toEqual(emptyPlan());
  });

  it('tells a changed plan from the kept one, and an empty one', () => {
    const a = planFrom({ people: 'Sam' });
    expect(samePlan(a, planFrom({ people: 'Sam' })), 'same text in every part').toBe(true);
    expect(samePlan(a, planFrom({ people: 'Sam ' })), 'a space is a change').toBe(false);
    expect(isEmptyPlan(planFrom({ notes: '  \n' })), 'only spaces counts as empty').toBe(true);
    expect(isEmptyPlan(a), 'one part filled is not empty').toBe(false);
  });
});

describe('versions in words', () => {
  it('says the version and when it was saved, or that nothing is saved yet', () => {
    expect(versionLine(2, '2026-11-25T18:30:00Z', time), 'a kept version').toBe('Version 2, saved time(2026-11-25T18:30:00Z)');
    expect(versionLine(null, null, time), 'before the first save').toMatch(/^Not saved yet\./);
    expect(versionLine(3, null, time), 'a version without a time still says its number').toBe('Version 3');
  });

  it('says whether a save made a new version', () => {
    expect(savedWords(null, 1), 'the first save').toBe('Saved as version 1.');
    expect(savedWords(1, 2), 'a change').toBe('Saved as version 2.');
    expect(savedWords(2, 2), 'no change, no new version').toBe('Nothing had changed, so this is still version 2.');
  });

  it('lists versions newest first, the newest marked as the current plan', () => {
    const versions: PlanVersionView[] = [
      { version: 1, saved_at: 'a' },
      { version: 3, saved_at: 'c' },
      { version: 2, saved_at: 'b' },
    ];
    const items = versionItems(versions, time);
    expect(items.map((i) => i.version), 'newest first, whatever order they came in').toEqual([3, 2, 1]);
    expect(items.map((i) => i.current), 'only the newest is current').toEqual([true, false, false]);
    expect(items[2]?.text, 'each says when it was saved').toBe('Version 1, saved time(a)');
    expect(versionItems([], time), 'no versions, no list').toEqual([]);
  });

  it('words the way back by where the plan was opened from', () => {
    expect(backLabel('journal')).toBe('Back to the journal');
    expect(backLabel('checkins')).toBe('Back to self-checks');
    expect(backLabel('checkin-result')).toBe('Back to the results');
    expect(backLabel('trends')).toBe('Back to Trends');
    expect(backLabel('anything'), 'anything else goes back to the journal').toBe('Back to the journal');
  });
});

describe('editing the Support list', () => {
  const list = [
    { name: 'Emergency services', contact: 'Call 911', note: 'If you or someone else is in danger right now.' },
    { name: 'My supervisor', contact: '', note: '' },
    { name: 'A peer I trust' },
  ];

  it('turns the list into keyed rows and back, sent as typed', () => {
    const rows = toRows(list);
    expect(rows.map((r) => r.key), 'each row has its own key').toEqual([1, 2, 3]);
    expect(rows[2], 'a missing part is empty').toEqual({ key: 3, name: 'A peer I trust', contact: '', note: '' });
    expect(fromRows(rows)[0], 'keys are not sent').toEqual(list[0]);
    expect(fromRows([{ key: 9, name: '  spaced ', contact: '', note: '' }])[0]?.name, 'text is not trimmed (Rust decides)').toBe('  spaced ');
  });

  it('adds an empty resource at the end with a new key', () => {
    const rows = toRows(list);
    const more = addRow(rows);
    expect(more.length, 'one more').toBe(4);
    expect(more[3], 'empty, at the end').toEqual({ key: 4, name: '', contact: '', note: '' });
    expect(rows.length, 'the original is unchanged').toBe(3);
    expect(nextKey(removeRow(more, 1)), 'a key is never reused while its row is there').toBe(5);
    expect(addRow([])[0]?.key, 'the first key of an empty list').toBe(1);
  });

  it('removes one resource, keeping the others and their keys', () => {
    const rows = toRows(list);
    expect(removeRow(rows, 1).map((r) => r.name), 'the middle one goes').toEqual(['Emergency services', 'A peer I trust']);
    expect(removeRow(rows, 1).map((r) => r.key), 'keys stay with their rows').toEqual([1, 3]);
    expect(removeRow(rows, 7), 'nothing at that place, nothing removed').toEqual(rows);
  });

  it('moves a resource up or down, stopping at the ends', () => {
    const rows = toRows(list);
    expect(moveRow(rows, 2, -1).map((r) => r.key), 'up one').toEqual([1, 3, 2]);
    expect(moveRow(rows, 0, 1).map((r) => r.key), 'down one').toEqual([2, 1, 3]);
    expect(moveRow(rows, 0, -1).map((r) => r.key), 'the first cannot go higher').toEqual([1, 2, 3]);
    expect(moveRow(rows, 2, 1).map((r) => r.key), 'the last cannot go lower').toEqual([1, 2, 3]);
    expect(moveRow(rows, 5, -1), 'a place that does not exist changes nothing').toEqual(rows);
  });

  it('changes one part of one resource', () => {
    const rows = changeRow(toRows(list), 1, 'contact', 'Ext 204');
    expect(rows[1]?.contact, 'changed').toBe('Ext 204');
    expect(rows[0]?.contact, 'others are not').toBe('Call 911');
  });

  it('knows when the rows differ from the list shown', () => {
    const rows = toRows(list);
    expect(rowsChanged(rows, list), 'just opened: no change').toBe(false);
    expect(rowsChanged(changeRow(rows, 0, 'note', 'x'), list), 'a note changed').toBe(true);
    expect(rowsChanged(moveRow(rows, 0, 1), list), 'the order changed').toBe(true);
    expect(rowsChanged(addRow(rows), list), 'one added').toBe(true);
  });

  it('names fields as Rust does, and the inputs to match', () => {
    expect(resourceField(2, 'name'), 'as in ApiError fields').toBe('resources[2].name');
    expect(resourceInputId(2, 'note'), 'the input for it').toBe('support-r2-note');
    expect(resourceOrder(2), 'focus order: each resource\'s name, contact, note').toEqual([
      ['resources[0].name', 'support-r0-name'],
      ['resources[0].contact', 'support-r0-contact'],
      ['resources[0].note', 'support-r0-note'],
      ['resources[1].name', 'support-r1-name'],
      ['resources[1].contact', 'support-r1-contact'],
      ['resources[1].note', 'support-r1-note'],
    ]);
  });

  it('keeps problems about the whole list apart from those next to a field', () => {
    const errors = [
      { field: 'resources[0].name', message: 'Give each resource a name.' },
      { field: 'resources', message: 'The list can hold up to 100 resources.' },
    ];
    expect(listProblems(errors), 'only the list-wide one').toBe('The list can hold up to 100 resources.');
    expect(listProblems([errors[0]!]), 'none').toBe('');
  });

  it('names a resource on its buttons for screen readers', () => {
    expect(rowName({ key: 1, name: ' Crisis Text Line ', contact: '', note: '' }, 1), 'place and name').toBe('Resource 2, Crisis Text Line');
    expect(rowName({ key: 1, name: '', contact: '', note: '' }, 0), 'place alone while unnamed').toBe('Resource 1');
  });
});

describe('nudges', () => {
  it('has a calm heading for one or several', () => {
    expect(nudgeHeading(1)).toBe('Something Ballast noticed');
    expect(nudgeHeading(3)).toBe('Some things Ballast noticed');
    expect([nudgeHeading(1), nudgeHeading(2), NUDGE_INTRO, NUDGE_DISMISSED].join(' '), 'no alarm, no judgement').not.toMatch(UNKIND);
    expect(NUDGE_INTRO, 'says what Dismiss does').toMatch(/Dismiss sets a note aside/);
  });

  it('leaves the others when one is dismissed', () => {
    const nudges = [
      { id: 'wellbeing_low:4', message: 'a' },
      { id: 'setback_cluster:2026-11-20', message: 'b' },
    ];
    expect(withoutNudge(nudges, 'wellbeing_low:4').map((n) => n.id), 'only that one goes').toEqual(['setback_cluster:2026-11-20']);
    expect(withoutNudge(nudges, 'unknown'), 'an unknown id changes nothing').toEqual(nudges);
  });
});

describe('adding the starting list to my own', () => {
  const starting = [
    { name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988', note: '' },
    { name: 'My supervisor', contact: '', note: '' },
  ];
  it('adds what is not there yet, at the end, with fresh keys', () => {
    const mine = toRows([{ name: 'My notes', contact: '', note: 'call Sam' }, { name: 'my supervisor', contact: 'ext 12', note: '' }]);
    const [rows, added] = withStarting(mine, starting);
    expect(added, 'only the crisis line is new (names compared without case)').toBe(1);
    expect(rows.map((r) => r.name), 'my list first, then what was added').toEqual(['My notes', 'my supervisor', '988 Suicide & Crisis Lifeline']);
    expect(new Set(rows.map((r) => r.key)).size, 'every row keeps a key of its own').toBe(3);
    expect(rows[1]?.contact, 'my own entry is kept as I wrote it').toBe('ext 12');
  });
  it('adds nothing the second time', () => {
    const [once] = withStarting(toRows([]), starting);
    const [twice, added] = withStarting(once, starting);
    expect(added, 'nothing new').toBe(0);
    expect(twice, 'the rows are as they were').toEqual(once);
  });
});
