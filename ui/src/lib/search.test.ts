// Unit tests of the search screen's pure logic: the request built from the form (blank is no
// filter; a kind drops the other kind's filter), how many filters are on, and the calm words for
// what was found.
import { describe, expect, it } from 'vitest';
import { emptySearch, filterCount, foundLine, snippetParts, toRequest } from './search';

describe('the search request', () => {
  it('sends blank filters as none and keeps the text as typed', () => {
    const s = { ...emptySearch(), text: ' "gentle pers', tag: '  ' };
    expect(toRequest(s, 0)).toMatchObject({ text: ' "gentle pers', tag: null, person_code: null, from: null, offset: 0 });
  });
  it('drops the outcome when only setbacks are asked for, and the setback type for reflections', () => {
    const s = { ...emptySearch(), outcome: 'progress', setbackType: 'crisis' };
    expect(toRequest({ ...s, kind: 'setback' }, 0)).toMatchObject({ outcome: null, setback_type: 'crisis' });
    expect(toRequest({ ...s, kind: 'reflection' }, 0)).toMatchObject({ outcome: 'progress', setback_type: null });
  });
  it('counts the filters that are on', () => {
    expect(filterCount(emptySearch())).toBe(0);
    expect(filterCount({ ...emptySearch(), from: '2026-11-01', personCode: 'R7' })).toBe(2);
  });
});

describe('the words for what was found', () => {
  it('invites a search before anything is asked', () => {
    expect(foundLine(0, false, emptySearch())).toMatch(/Type a word/);
  });
  it('says how many, and never blames the worker when nothing is found', () => {
    const s = { ...emptySearch(), text: 'kettle' };
    expect(foundLine(1, false, s)).toBe('1 entry found, closest match first.');
    expect(foundLine(30, true, s)).toBe('30 or more entries found, closest match first.');
    expect(foundLine(0, false, s)).toBe('Nothing found. Fewer or shorter words may find more.');
    expect(foundLine(0, false, { ...emptySearch(), personCode: 'R7' })).toBe('No entries match these filters.');
  });
  it('shows line breaks in a snippet as spaces', () => {
    expect(snippetParts([{ text: 'one\n\ntwo ', matched: false }])).toEqual([{ text: 'one two ', matched: false }]);
  });
});

describe('the words of the People and tags screens', async () => {
  const { outcomeWords, renamedWords, balanceSteps } = await import('./people');
  it('counts only the outcomes that happened', () => {
    expect(outcomeWords({ progress: 2, no_change: 1, setback: 0, not_applicable: 0 })).toBe('Progress 2, no change 1');
    expect(outcomeWords({ progress: 0, no_change: 0, setback: 0, not_applicable: 0 })).toBe('No outcomes noted');
  });
  it('says what a rename did, and a merge as two becoming one', () => {
    expect(renamedWords('code', 'R-7', { name: 'R7', entries: 3, merged: false, warnings: [] })).toBe('R-7 is now R7, on 3 entries.');
    expect(renamedWords('tag', 'benefit', { name: 'benefits', entries: 1, merged: true, warnings: [] })).toBe(
      'benefit and benefits are now one tag, benefits. 1 entry moved.',
    );
  });
  it('marks the one step of push and patience chosen', () => {
    expect(balanceSteps(0)).toEqual([false, false, true, false, false]);
  });
});
