// The words a careful reader found, gone from the UI side: the self-care plan's headings and hints,
// the words around self-check results and nudges, and the screens that show damage and backups
// never say "symptoms", "puts me at risk", a bare correlation scale, a file name or a database
// check. And every result that comes with options says so, wherever it is listed. (Rust's strings
// are checked by crates/ballast-api/tests/api/words.rs.)
import { describe, expect, it } from 'vitest';
import { keptCheckIn } from './checkInFixture';
import type { CheckInView, ScoreView } from '../ipc';
import backups from '../screens/Backups.svelte?raw';
import checkInHistory from '../screens/CheckInHistory.svelte?raw';
import checkInResult from '../screens/CheckInResult.svelte?raw';
import recovery from '../screens/Recovery.svelte?raw';
import selfCarePlan from '../screens/SelfCarePlan.svelte?raw';
import trendsScreen from '../screens/Trends.svelte?raw';
import yourData from '../screens/YourData.svelte?raw';
import { NUDGE_DISMISSED, NUDGE_INTRO, PLAN_SECTIONS, nudgeHeading } from './care';
import { comesWithOptions, historyLine, historySummary, OPTIONS_POINTER, optionsIntro, scoreLine } from './checkIns';
import { couplingLines, tableCaption } from './trends';

/** What no word on screen may hold. */
const GONE = /symptom|puts me at risk|scale from −1 to 1|correlation \(|vault\.json|-wal\b|integrity check|row counts|may have been altered/i;

function score(over: Partial<ScoreView> = {}): ScoreView {
  return {
    id: 'personal',
    title: 'Personal burnout',
    score: 100,
    band: null,
    words: '',
    complete: true,
    answered: 6,
    items: 6,
    range: [0, 100],
    context: 'Scores run from 0 to 100.',
    offer_options: true,
    ...over,
  };
}

const view = (scores: ScoreView[], over: Partial<CheckInView> = {}): CheckInView => keptCheckIn(scores, { instrument: 'cbi', title: 'CBI', ...over });

describe('the old words are gone from the UI', () => {
  it('from the self-care plan, whose first vicarious-trauma step is in calm words', () => {
    const words = PLAN_SECTIONS.flatMap((s) => [s.title, s.intro, ...s.parts.flatMap((p) => [p.label, p.hint])]);
    for (const w of words) expect(w, 'the plan speaks calmly').not.toMatch(GONE);
    const first = PLAN_SECTIONS.find((s) => s.id === 'vicarious')?.parts[0];
    expect(first?.label, 'what weighs, not what "puts me at risk"').toBe('1. What tends to weigh on me');
  });

  it('from the words around results and nudges', () => {
    const cbi = view([score()]);
    const banded = view([score({ id: 'wellbeing', band: 'below_cutoff', score: 48 })], { instrument: 'who5', title: 'WHO-5' });
    const words = [
      optionsIntro(cbi),
      optionsIntro(banded),
      historySummary(cbi),
      historyLine(score()),
      scoreLine(score({ score: 41.666666666666664 })),
      OPTIONS_POINTER,
      nudgeHeading(1),
      nudgeHeading(3),
      NUDGE_INTRO,
      NUDGE_DISMISSED,
      tableCaption('How closely self-worth followed outcomes'),
      ...couplingLines({
        enough_data: true,
        days: { setback: 3, progress: 3, neither: 1 },
        mean_self_worth: { setback: 3, progress: 8, neither: 5 },
        more_days_needed: { setback: 0, progress: 0, neither: 0 },
        rolling: [],
        dependence: [],
      }).map((l) => l.text),
    ];
    for (const w of words) expect(w, 'plain, calm words').not.toMatch(GONE);
    expect(scoreLine(score({ score: 41.666666666666664 })), 'a CBI mean is rounded as everywhere').toBe('41.7 out of 100');
  });

  it('from the screens that show results, damage, backups and your data', () => {
    const screens = { backups, checkInHistory, checkInResult, recovery, selfCarePlan, trendsScreen, yourData };
    for (const [name, source] of Object.entries(screens)) {
      expect(source, `${name} is read as its source`).toContain('<script lang="ts">');
      expect(source, `${name} has none of the old words`).not.toMatch(GONE);
    }
  });
});

describe('every high result comes with options, wherever it is shown', () => {
  it('a CBI of 100, which has no band, comes with options and says why', () => {
    const cbi = view([score()]);
    expect(comesWithOptions(cbi), 'on the result screen').toBe(true);
    expect(historySummary(cbi), 'in the history, with a pointer').toContain(OPTIONS_POINTER);
    expect(optionsIntro(cbi), 'the CBI has no cut-off, so they come with every result').toMatch(/no cut-off/);
  });

  it('a banded high result too, and the pointer names each option', () => {
    const banded = view([score({ id: 'burnout', band: 'high', score: 50, range: [10, 50] })], { instrument: 'proqol5', title: 'ProQOL 5' });
    expect(historySummary(banded), 'in the history').toContain(OPTIONS_POINTER);
    expect(OPTIONS_POINTER, 'the plan, someone to talk to, and Support').toMatch(/self-care plan.*talking it through.*Support/);
  });

  it('the result and history screens show the options where Rust says a result has them', () => {
    expect(checkInResult, 'the result screen asks whether its view comes with options').toContain('comesWithOptions(view)');
    expect(checkInHistory, 'the history asks for each row').toContain('comesWithOptions(c)');
    expect(checkInHistory, 'and shows the pointer there').toContain('{OPTIONS_POINTER}');
  });
});
