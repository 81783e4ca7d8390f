// Unit tests of the self-checks' pure logic: answers by item number, resuming, progress, the words
// for schedules and scores, and the calm lines on the journal.
import { describe, expect, it } from 'vitest';
import { keptCheckIn } from './checkInFixture';
import type { Instrument, InstrumentStatus, ScoreView } from '../ipc';
import {
  answeredCount,
  choicesFor,
  comesWithOptions,
  daysToSend,
  dueLine,
  emptyAnswers,
  formatScore,
  historyLine,
  historySummary,
  itemAt,
  joinNames,
  keptLine,
  keptWhere,
  lastTakenWords,
  OPTIONS_POINTER,
  optionsIntro,
  progressText,
  resumePosition,
  scheduleWords,
  scoreLine,
  showsNumbers,
  startingAnswers,
  summaryText,
  withAnswer,
} from './checkIns';

function instrument(over: Partial<Instrument> = {}): Instrument {
  return {
    id: 'who5',
    version: '1',
    title: 'World Health Organization-Five Well-Being Index (WHO-5)',
    short_title: 'WHO-5',
    about: 'Five questions about your wellbeing over the last two weeks.',
    timeframe: 'the last two weeks',
    instructions: 'Notice that higher numbers mean better well-being.',
    credit: 'World Health Organization.',
    terms: 'CC BY-NC-SA 3.0 IGO.',
    cadence_days: 14,
    reverse_total: 0,
    order: null,
    option_sets: [
      {
        id: 'wellbeing',
        options: [5, 4, 3, 2, 1, 0].map((value) => ({ value, label: `label ${value}` })),
      },
    ],
    items: [1, 2, 3, 4, 5].map((n) => ({ n, text: `Item ${n}`, options: 'wellbeing' })),
    subscales: [],
    ...over,
  };
}

/** A CBI-like instrument: three items shown in a different order, scored 0/25/50/75/100. */
const cbiLike = instrument({
  id: 'cbi',
  short_title: 'CBI',
  instructions: null,
  timeframe: null,
  cadence_days: 30,
  order: [3, 1, 2],
  option_sets: [{ id: 'frequency', options: [100, 75, 50, 25, 0].map((value) => ({ value, label: `f${value}` })) }],
  items: [1, 2, 3].map((n) => ({ n, text: `CBI item ${n}`, options: 'frequency' })),
});

function status(over: Partial<InstrumentStatus> = {}, def: Instrument = instrument()): InstrumentStatus {
  return {
    instrument: def,
    order: def.order ?? def.items.map((i) => i.n),
    every_days: def.cadence_days,
    due: { state: 'now' },
    last_taken: null,
    draft: null,
    ...over,
  };
}

function score(over: Partial<ScoreView> = {}): ScoreView {
  return {
    id: 'wellbeing',
    title: 'Wellbeing',
    score: 64,
    band: 'above_cutoff',
    words: 'Your score is above 50.',
    complete: true,
    answered: 5,
    items: 5,
    range: [0, 100],
    context: 'Scores run from 0 to 100.',
    offer_options: false,
    ...over,
  };
}

const day = (instant: string) => `day(${instant})`;

describe('answers are kept by item number', () => {
  it('starts with every item unanswered, one slot per item', () => {
    expect(emptyAnswers(instrument()), 'five items, five empty answers').toEqual([null, null, null, null, null]);
  });
  it('sets answers[n - 1] for item n, without changing the original', () => {
    const before = emptyAnswers(instrument());
    const after = withAnswer(before, 3, 4);
    expect(after, 'item 3 is the third slot').toEqual([null, null, 4, null, null]);
    expect(before, 'the original is untouched').toEqual([null, null, null, null, null]);
    expect(withAnswer(after, 3, null), 'skipping clears it again').toEqual([null, null, null, null, null]);
    expect(withAnswer(after, 0, 1), 'a number outside the items changes nothing').toEqual(after);
  });
  it('follows the shown order, not the printed one, when finding the item at a position', () => {
    const s = status({}, cbiLike);
    expect(itemAt(s, 0)?.n, 'the CBI-like order starts with item 3').toBe(3);
    expect(itemAt(s, 1)?.n, 'then item 1').toBe(1);
    expect(itemAt(s, 3), 'past the last item there is none (the summary)').toBeNull();
    const answers = withAnswer(emptyAnswers(cbiLike), itemAt(s, 0)?.n ?? 0, 75);
    expect(answers, 'the first answer shown is kept in item 3\'s slot').toEqual([null, null, 75]);
  });
});

describe('resuming an unfinished check-in', () => {
  const draft = { answers: [4, 3, 2, null, null], position: 3, saved_at: '2026-11-25T18:00:00Z' };
  it('starts from the kept answers and position', () => {
    const s = status({ draft });
    expect(startingAnswers(s, true), 'the earlier answers are kept').toEqual([4, 3, 2, null, null]);
    expect(resumePosition(s), 'and it carries on at the fourth question').toBe(3);
    expect(progressText(resumePosition(s), s.order.length)).toBe('Question 4 of 5');
  });
  it('starts empty when starting again or when the kept answers no longer fit', () => {
    expect(startingAnswers(status({ draft }), false), 'starting again ignores the draft').toEqual(emptyAnswers(instrument()));
    const wrong = status({ draft: { ...draft, answers: [1, 2] } });
    expect(startingAnswers(wrong, true), 'answers of another length are not used').toEqual(emptyAnswers(instrument()));
  });
  it('keeps the position within the check-in', () => {
    expect(resumePosition(status({ draft: { ...draft, position: 99 } })), 'beyond the end resumes at the summary').toBe(5);
    expect(resumePosition(status()), 'no draft starts at the beginning').toBe(0);
  });
  it('says where it was kept, in words', () => {
    expect(keptWhere(status({ draft }))).toBe('You had reached question 4 of 5.');
    expect(keptWhere(status({ draft: { ...draft, position: 5 } }))).toBe('You had reached the end of the questions.');
    expect(keptWhere(status()), 'nothing when there is no draft').toBe('');
  });
});

describe('progress and the summary', () => {
  it('numbers questions from 1', () => {
    expect(progressText(0, 30)).toBe('Question 1 of 30');
    expect(progressText(2, 30)).toBe('Question 3 of 30');
  });
  it('counts answered items and says skipping is fine', () => {
    expect(answeredCount([1, null, 0, null])).toBe(2);
    expect(answeredCount([0]), 'a zero is an answer').toBe(1);
    expect(summaryText([4, null, 3, 3, 3])).toBe('You answered 4 of 5; skipped questions are fine.');
    expect(summaryText([4, 4, 3, 3, 3]), 'no mention of skipping when nothing was skipped').toBe('You answered 5 of 5.');
  });
});

describe('choices', () => {
  it('shows the number with the label where the form numbers its options', () => {
    expect(showsNumbers(instrument()), 'WHO-5 options are 0 to 5').toBe(true);
    const choices = choicesFor(instrument(), instrument().items[0]!);
    expect(choices[0], 'in the form\'s order, number first').toEqual({ value: 5, label: '5 — label 5' });
    expect(choices.length).toBe(6);
  });
  it('shows only the label where the values are scoring weights', () => {
    expect(showsNumbers(cbiLike), 'CBI values 0/25/50/75/100 are not printed').toBe(false);
    expect(choicesFor(cbiLike, cbiLike.items[0]!)[0]).toEqual({ value: 100, label: 'f100' });
  });
});

describe('scores in words', () => {
  it('gives WHO-5 as a score out of 100', () => {
    expect(scoreLine(score())).toBe('64 out of 100');
  });
  it('gives a scale that does not start at 0 with its range', () => {
    expect(scoreLine(score({ score: 32, range: [10, 50] }))).toBe('32 on a scale from 10 to 50');
  });
  it('rounds means to one decimal for display only', () => {
    expect(formatScore(41.666666), 'one decimal').toBe('41.7');
    expect(formatScore(31.25), 'a half rounds up').toBe('31.3');
    expect(formatScore(50), 'whole numbers stay whole').toBe('50');
    expect(scoreLine(score({ score: 57.142857 })), 'a CBI mean').toBe('57.1 out of 100');
  });
  it('says there is no score, and the history says "incomplete", when none was given', () => {
    const none = score({ score: null, band: null, complete: false });
    expect(scoreLine(none)).toBe('No score this time');
    expect(historyLine(none)).toBe('Wellbeing: incomplete');
    expect(historyLine(score())).toBe('Wellbeing: 64 out of 100');
  });
});

const kept = keptCheckIn;

describe('a result that comes with options says so wherever it is listed', () => {
  const high = score({ score: 48, band: 'below_cutoff', offer_options: true });
  it('points to the options from the history, and not for a result without them', () => {
    expect(historySummary(kept([high])), 'the pointer follows the scores').toBe(`Wellbeing: 48 out of 100. ${OPTIONS_POINTER}`);
    expect(historySummary(kept([score()])), 'no pointer without options').toBe('Wellbeing: 64 out of 100');
    expect(OPTIONS_POINTER, 'the pointer names the options').toMatch(/self-care plan.*talking it through.*Support/);
  });
  it('never points to options from a record that no longer matches', () => {
    const damaged = kept([], { offer_options: true, problem: 'no longer matches' });
    expect(comesWithOptions(damaged), 'a damaged record has no options').toBe(false);
    expect(historySummary(damaged), 'and says its scores are not shown').not.toContain(OPTIONS_POINTER);
  });
  it('says why: a range for a banded measure, no cut-off for the CBI', () => {
    expect(optionsIntro(kept([high])), 'a banded result').toMatch(/^When a result is in this range/);
    const cbi = kept([score({ id: 'personal', title: 'Personal burnout', score: 100, band: null, offer_options: true })], { title: 'CBI' });
    expect(optionsIntro(cbi), 'the CBI has no range to name').toMatch(/^The CBI has no cut-off, so Ballast offers these with every result/);
    expect(optionsIntro(cbi), 'and nothing is required').toContain('none of it is required');
  });
});

describe('schedules in gentle words', () => {
  it('invites, and never counts or says overdue', () => {
    const now = scheduleWords(status(), day);
    expect(now).toBe('Suggested every 14 days. It is there whenever you have a few quiet minutes.');
    expect(now, 'no deadline words').not.toMatch(/overdue|missed|late|streak|\d+ days? ago/i);
  });
  it('says when it will next be suggested', () => {
    const later = status({ due: { state: 'later', from: '2026-12-09' } });
    expect(scheduleWords(later, day)).toBe('Suggested every 14 days. Next suggested from day(2026-12-09).');
    expect(scheduleWords(status({ every_days: 1 }), day), 'one day is "every day"').toMatch(/^Suggested every day\./);
  });
  it('tells "any time" from "turned off"', () => {
    const anyTime = status({ every_days: null, due: { state: 'unscheduled' } }, instrument({ cadence_days: null }));
    expect(scheduleWords(anyTime, day)).toBe('Any time, whenever it feels useful.');
    const off = status({ every_days: null, due: { state: 'unscheduled' } });
    expect(scheduleWords(off, day)).toBe('Suggestion turned off. It is here any time you want it.');
  });
  it('says when it was last taken', () => {
    expect(lastTakenWords(status(), day)).toBe('Not taken yet.');
    expect(lastTakenWords(status({ last_taken: '2026-11-25T18:00:00Z' }), day)).toBe('Last taken day(2026-11-25T18:00:00Z).');
  });
});

describe('the calm lines on the journal', () => {
  const proqol = instrument({ id: 'proqol5', short_title: 'ProQOL 5' });
  const cbi = instrument({ id: 'cbi', short_title: 'CBI' });
  it('names what is suggested now, and nothing else', () => {
    expect(dueLine([status(), status({ due: { state: 'unscheduled' } }, proqol)])).toBe('A self-check is there when you have a few quiet minutes: WHO-5.');
    expect(dueLine([status({}, proqol), status(), status({}, cbi)])).toBe('Self-checks are there when you have a few quiet minutes: ProQOL 5, WHO-5 and CBI.');
    expect(dueLine([status({ due: { state: 'unscheduled' } })]), 'nothing suggested, no line').toBe('');
  });
  it('leaves one already under way to the "kept" line', () => {
    const draft = { answers: [1, null, null, null, null], position: 1, saved_at: '2026-11-25T18:00:00Z' };
    expect(dueLine([status({ draft }), status({}, cbi)])).toBe('A self-check is there when you have a few quiet minutes: CBI.');
  });
  it('mentions a kept, unfinished check-in without pressing', () => {
    const draft = { answers: [1, null, null, null, null], position: 1, saved_at: '2026-11-25T18:00:00Z' };
    expect(keptLine([status({ draft })])).toBe('Your WHO-5 is kept where you left off, for whenever you want to carry on.');
    expect(keptLine([status()])).toBe('');
  });
  it('joins names in plain English', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('days between suggestions', () => {
  it('sends whole numbers from 0 as typed', () => {
    expect(daysToSend(14)).toBe(14);
    expect(daysToSend(0), '0 turns the suggestion off').toBe(0);
  });
  it('sends anything else as a number the journal refuses with its own words', () => {
    for (const typed of [null, undefined, -3, 2.5, Number.NaN]) {
      expect(daysToSend(typed), `${String(typed)} is refused by the journal, not silently changed`).toBe(0xffff_ffff);
    }
  });
});

describe('the words never diagnose', () => {
  it('has no clinical or guilt words in anything it writes', () => {
    const all = [
      scheduleWords(status(), day),
      scheduleWords(status({ due: { state: 'unscheduled' } }), day),
      dueLine([status()]),
      keptLine([status({ draft: { answers: [null, null, null, null, null], position: 0, saved_at: '' } })]),
      summaryText([null, null, 1, 2, 3]),
      scoreLine(score({ score: null })),
    ].join(' ');
    expect(all).not.toMatch(/diagnos|disorder|you are burned out|you have burnout|depression|overdue|missed|streak/i);
  });
});
