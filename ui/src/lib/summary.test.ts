// Unit tests of the Supervision summary screen's pure logic: the range it starts on, the request
// built from the form (blank words are none, nothing else changed), when the preview on screen is
// out of date, the words of each entry's share tick, of what a file holds, of a save and of the
// share log, and which refusals belong next to which input. Calm words only.
import { describe, expect, it } from 'vitest';
import type { Included, Shared, SummaryRequest } from '../ipc';
import {
  buildRequest,
  CLEAR_LOG_CONFIRM,
  clearedWords,
  defaultRange,
  entryLabel,
  formatName,
  generalProblem,
  includedWords,
  initialForm,
  isStale,
  newestFirst,
  previewStart,
  sameRequest,
  savedWords,
  shareLogLine,
  shareLogRow,
  SUMMARY_ORDER,
  ymd,
  type SummaryForm,
} from './summary';

/** Words no screen may show: no guilt, no counting against the worker, no diagnosis. */
const UNKIND = /overdue|missed|streak|failed|should have|diagnos|disorder|you are burned out/i;

const time = (iso: string) => `time(${iso})`;
const day = (d: string) => `day(${d})`;

function form(over: Partial<SummaryForm> = {}): SummaryForm {
  return { from: '2026-11-01', to: '2026-11-25', includeCodes: false, includeTags: false, note: '', author: '', ...over };
}

function included(over: Partial<Included> = {}): Included {
  return { check_ins: 1, charts: 4, shared_entries: 1, person_codes: false, tags: false, note: true, name: false, ...over };
}

function shared(over: Partial<Shared> = {}): Shared {
  return {
    shared_at: '2026-11-25T18:30:00Z',
    from: '2026-10-27',
    to: '2026-11-25',
    format: 'pdf',
    file_name: 'supervision-summary-2026-10-27-to-2026-11-25.pdf',
    included: included(),
    ...over,
  };
}

describe('the range the screen starts on', () => {
  it('is the last 30 days, today included, in local days', () => {
    expect(defaultRange(new Date(2026, 10, 25, 9, 0)), '30 days ending on 25 November').toEqual({ from: '2026-10-27', to: '2026-11-25' });
  });
  it('crosses months and years and leap days correctly', () => {
    expect(defaultRange(new Date(2027, 0, 10)), 'into the year before').toEqual({ from: '2026-12-12', to: '2027-01-10' });
    expect(defaultRange(new Date(2027, 2, 1)), '2027 has no 29 February').toEqual({ from: '2027-01-31', to: '2027-03-01' });
    expect(defaultRange(new Date(2028, 2, 1)), '2028 has a 29 February').toEqual({ from: '2028-02-01', to: '2028-03-01' });
  });
  it('uses the local day even late in the evening', () => {
    expect(ymd(new Date(2026, 10, 25, 23, 59)), 'still the 25th locally').toBe('2026-11-25');
    expect(ymd(new Date(2026, 0, 5)), 'months and days are two digits').toBe('2026-01-05');
  });
  it('starts with both extras unticked and the note and name kept from last time', () => {
    const f = initialForm(new Date(2026, 10, 25), { note: 'Time on boundaries', author: 'Sam' });
    expect(f.includeCodes, 'person codes start unticked').toBe(false);
    expect(f.includeTags, 'tags start unticked').toBe(false);
    expect(f.note, 'the note is prefilled').toBe('Time on boundaries');
    expect(f.author, 'the name is prefilled').toBe('Sam');
    expect(initialForm(new Date(2026, 10, 25), { note: null, author: null }), 'nothing kept is empty').toMatchObject({ note: '', author: '' });
    expect(initialForm(new Date(2026, 10, 25)).from, 'and the default range').toBe('2026-10-27');
  });
});

describe('the request', () => {
  it('sends the choices as chosen', () => {
    expect(buildRequest(form({ includeCodes: true, note: 'More on pacing', author: 'Sam' })), 'every choice').toEqual({
      from: '2026-11-01',
      to: '2026-11-25',
      include_codes: true,
      include_tags: false,
      note: 'More on pacing',
      author: 'Sam',
    });
  });
  it('sends blank words as none, and anything else exactly as typed for Rust to check', () => {
    const r = buildRequest(form({ note: '   \n ', author: '' }));
    expect(r.note, 'a blank note is no note').toBeNull();
    expect(r.author, 'a blank name is no name').toBeNull();
    const typed = buildRequest(form({ note: '  line one\nline two  ', author: ' Sam\nSmith' }));
    expect(typed.note, 'typed line breaks and spaces are kept').toBe('  line one\nline two  ');
    expect(typed.author, 'a name on two lines is sent, for Rust to refuse').toBe(' Sam\nSmith');
    expect(buildRequest(form({ from: '', to: '2026-13-40' })), 'days are not checked here').toMatchObject({ from: '', to: '2026-13-40' });
  });
  it('knows when two requests ask for the same summary', () => {
    const a = buildRequest(form());
    expect(sameRequest(a, buildRequest(form())), 'the same choices').toBe(true);
    expect(sameRequest(a, buildRequest(form({ note: '  ' }))), 'a blank note is the same as none').toBe(true);
    for (const change of [{ from: '2026-11-02' }, { to: '2026-11-24' }, { includeCodes: true }, { includeTags: true }, { note: 'x' }, { author: 'y' }]) {
      expect(sameRequest(a, buildRequest(form(change))), `a change of ${Object.keys(change)[0]} is another summary`).toBe(false);
    }
  });
});

describe('whether the preview is out of date', () => {
  const req: SummaryRequest = buildRequest(form());
  it('is out of date before any preview', () => {
    expect(isStale(req, null, 0), 'nothing shown yet').toBe(true);
  });
  it('is current for the same choices and no tick since', () => {
    expect(isStale(req, { request: buildRequest(form()), shares: 2 }, 2), 'same choices, same ticks').toBe(false);
  });
  it('is out of date after a choice changes or a share tick changes', () => {
    expect(isStale(buildRequest(form({ includeTags: true })), { request: req, shares: 0 }, 0), 'tags ticked since').toBe(true);
    expect(isStale(buildRequest(form({ to: '2026-11-20' })), { request: req, shares: 0 }, 0), 'another last day').toBe(true);
    expect(isStale(req, { request: req, shares: 0 }, 1), 'an entry ticked since').toBe(true);
  });
});

describe("an entry's share tick", () => {
  it("names the kind, the local time and the start of the text, in the worker's voice", () => {
    const label = entryLabel({ kind: 'reflection', occurred_at: '2026-03-03T18:00:00Z', preview: 'Small step today' }, time);
    expect(label, 'a reflection').toBe("Share this reflection's text — time(2026-03-03T18:00:00Z): Small step today");
    expect(entryLabel({ kind: 'setback', occurred_at: 'x', preview: 'Admission' }, time), 'a setback').toBe("Share this setback's text — time(x): Admission");
  });
  it('keeps long text short, and says when nothing was written', () => {
    const long = previewStart('word '.repeat(40));
    expect(long.length, 'at most 80 characters').toBeLessThanOrEqual(80);
    expect(long.endsWith('…'), 'shortened text ends with an ellipsis').toBe(true);
    expect(previewStart('Two\nlines'), 'line breaks become spaces on one line').toBe('Two lines');
    expect(previewStart('  '), 'no text').toBe('(no text written)');
    expect(previewStart('Exactly short'), 'short text is whole').toBe('Exactly short');
  });
});

describe('what a file holds', () => {
  it('is said in one plain line: counts, then yes or no', () => {
    expect(includedWords(included()), 'the example').toBe(
      'This file will hold: 1 self-check, 4 charts, 1 shared entry; person codes: no; tags: no; your note: yes; your name: no.',
    );
  });
  it('says none and many plainly', () => {
    expect(includedWords(included({ check_ins: 0, charts: 0, shared_entries: 0, note: false })), 'nothing counted').toBe(
      'This file will hold: no self-checks, no charts, no shared entries; person codes: no; tags: no; your note: no; your name: no.',
    );
    expect(includedWords(included({ check_ins: 3, charts: 1, shared_entries: 2, person_codes: true, tags: true, name: true })), 'many').toBe(
      'This file will hold: 3 self-checks, 1 chart, 2 shared entries; person codes: yes; tags: yes; your note: yes; your name: yes.',
    );
  });
});

describe('a save', () => {
  it('says where the file went, or that nothing was saved', () => {
    expect(savedWords({ path: '/home/sam/summary.pdf', format: 'pdf', bytes: 1200 }), 'saved').toBe('Saved to /home/sam/summary.pdf.');
    expect(savedWords(null), 'the dialog was closed').toBe('Nothing was saved.');
  });
  it('names the formats', () => {
    expect(formatName('pdf'), 'PDF').toBe('PDF');
    expect(formatName('markdown'), 'Markdown').toBe('Markdown');
  });
});

describe('the share log', () => {
  it('gives each record its time, days, format, file and what it held', () => {
    expect(shareLogRow(shared(), time, day), 'the parts').toEqual({
      when: 'time(2026-11-25T18:30:00Z)',
      range: 'day(2026-10-27) to day(2026-11-25)',
      format: 'PDF',
      file: 'supervision-summary-2026-10-27-to-2026-11-25.pdf',
      held: 'It held 1 self-check, 4 charts, 1 shared entry; person codes: no; tags: no; your note: yes; your name: no.',
    });
    expect(shareLogRow(shared({ from: '2026-11-25', to: '2026-11-25', format: 'markdown' }), time, day), 'one day, Markdown').toMatchObject({
      range: 'day(2026-11-25)',
      format: 'Markdown',
    });
  });
  it('reads as one sentence', () => {
    expect(shareLogLine(shared(), time, day), 'the line').toBe(
      'time(2026-11-25T18:30:00Z): a PDF of day(2026-10-27) to day(2026-11-25), saved as supervision-summary-2026-10-27-to-2026-11-25.pdf. ' +
        'It held 1 self-check, 4 charts, 1 shared entry; person codes: no; tags: no; your note: yes; your name: no.',
    );
  });
  it('lists the newest first, whatever order it came in', () => {
    const log = [shared({ shared_at: '2026-11-01T10:00:00Z' }), shared({ shared_at: '2026-11-25T18:30:00Z' }), shared({ shared_at: '2026-11-10T09:00:00Z' })];
    expect(newestFirst(log).map((s) => s.shared_at), 'newest first').toEqual(['2026-11-25T18:30:00Z', '2026-11-10T09:00:00Z', '2026-11-01T10:00:00Z']);
    expect(log[0]?.shared_at, 'the list given is not changed').toBe('2026-11-01T10:00:00Z');
  });
  it('says the files themselves are not touched when it is cleared', () => {
    expect(CLEAR_LOG_CONFIRM.body, 'the confirmation says so').toMatch(/files themselves are not touched/);
    expect(clearedWords(2), 'two records').toBe('The share log is cleared (2 records removed). The files you saved are not touched.');
    expect(clearedWords(1), 'one record').toMatch(/\(1 record removed\)/);
    expect(clearedWords(0), 'nothing to clear').toBe('The share log was already empty.');
  });
});

describe("Rust's refusals", () => {
  it('belong next to the inputs of this screen, in screen order', () => {
    expect(SUMMARY_ORDER.map(([f]) => f), 'the fields Rust names').toEqual(['from', 'to', 'note', 'author']);
    expect(SUMMARY_ORDER.map(([, id]) => id), 'their inputs').toEqual(['summary-from', 'summary-to', 'summary-note', 'summary-author']);
  });
  it('are said once near the buttons only when no input can hold them', () => {
    expect(generalProblem({ message: 'Ballast is locked.', fields: [] }), 'no fields: the message itself').toBe('Ballast is locked.');
    expect(generalProblem({ message: 'Some answers need another look.', fields: [{ field: 'from', message: 'The first day is after the last.' }] }),
      'shown next to From, so nothing near the buttons').toBe('');
    expect(generalProblem({ message: 'Some answers need another look.', fields: [{ field: 'out', message: 'Choose a name ending in .pdf or .md.' }] }),
      'a problem with the file name').toBe('Choose a name ending in .pdf or .md.');
  });
});

describe('the words', () => {
  it('are calm: no guilt, no diagnosis', () => {
    const all = [
      includedWords(included()),
      savedWords(null),
      clearedWords(3),
      CLEAR_LOG_CONFIRM.title,
      CLEAR_LOG_CONFIRM.body,
      shareLogLine(shared(), time, day),
      entryLabel({ kind: 'setback', occurred_at: 'x', preview: '' }, time),
    ];
    for (const w of all) expect(w, `calm: ${w}`).not.toMatch(UNKIND);
  });
});
