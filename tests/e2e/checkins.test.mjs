// Self-checks in the real app: the WHO-5 taken with the keyboard alone (score, Ballast's words,
// the credit and "not a diagnosis"), a skipped question that leaves the scale incomplete, the
// options beside a result at the cut-off (the self-care plan, talking it through, Support), the
// history with a delete behind a confirmation, a ProQOL 5 left half-way, locked, unlocked and
// carried on at the right question with its earlier answers kept, and the one-question burnout
// check offered after a reflection. axe-core runs on each new screen.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, focused, Key, launch, press, root, screenshot, shown, tabTo, activate, pageText, textOf, textsOf, toJournal } from './harness.mjs';

const PASSPHRASE = 'harbour lantern quietly';
/** Words no screen may show: no guilt, no counting, no diagnosis. */
const UNKIND = /overdue|missed|streak|diagnosed|disorder|you are burned out|you have burnout|you have depression/i;
let app;
let driver;

/** A journal set up with the CLI, before the app starts. */
function prepare(dataDir) {
  const cli = path.join(root, 'target', 'debug', 'ballast');
  execFileSync(cli, ['--data-dir', dataDir, 'init'], { env: { ...process.env, BALLAST_PASSPHRASE: PASSPHRASE }, stdio: 'ignore' });
}

/** Unlocks, checks Home's one gentle line about the self-checks, and goes on to the journal. */
async function unlock() {
  await shown(driver, '#unlock-passphrase');
  await tabTo(driver, 'unlock-passphrase');
  await press(driver, PASSPHRASE, Key.ENTER);
  await shown(driver, '[data-testid="home"]');
  const due = await textOf(driver, '[data-testid="home-due"]');
  assert.doesNotMatch(due, UNKIND, 'Home mentions the self-checks as an invitation, never a reproach or a count');
  await toJournal(driver);
}





/** Waits until the check-in's step heading says `wanted` ("Question 3 of 30"). */
async function atStep(wanted) {
  await driver.wait(async () => (await textOf(driver, '[data-testid="checkin-progress"]')) === wanted, 10_000, `waiting for "${wanted}"`)
    .catch(() => {});
  assert.equal(await textOf(driver, '[data-testid="checkin-progress"]'), wanted, 'the progress says where the worker is');
}

async function isChecked(id) {
  return driver.executeScript(`const e = document.getElementById(${JSON.stringify(id)}); return !!e && e.checked;`);
}

/**
 * Answers item `n` with `value` from the keyboard: Tab into its radio group, then the arrow keys
 * (Space when the wanted choice already has focus). Radio ids are `checkin-q<n>-<value>`.
 */
async function answer(n, value) {
  const prefix = `checkin-q${n}-`;
  const target = `${prefix}${value}`;
  for (let i = 0; i < 20 && !(await focused(driver)).startsWith(prefix); i += 1) {
    await press(driver, Key.TAB);
  }
  assert.ok((await focused(driver)).startsWith(prefix), `the choices for question ${n} can be reached with Tab`);
  for (let i = 0; i < 12 && (await focused(driver)) !== target; i += 1) {
    await press(driver, Key.ARROW_DOWN);
  }
  assert.equal(await focused(driver), target, `${target} can be reached with the arrow keys`);
  if (!(await isChecked(target))) await press(driver, Key.SPACE);
  assert.ok(await isChecked(target), `${target} is chosen from the keyboard`);
}

/** Answers item `n` with `value`, then Next. */
async function answerAndNext(n, value) {
  await answer(n, value);
  await activate(driver, 'checkin-next');
}

describe('Self-checks, end to end', { timeout: 300_000 }, () => {
  before(async () => {
    app = await launch({ prepare });
    driver = app.driver;
  });
  after(async () => {
    if (app) await app.stop();
  });

  it('takes the WHO-5 with the keyboard alone and shows the score, its words, the credit and "not a diagnosis"', async () => {
    await unlock();
    const suggested = await textOf(driver, '[data-testid="check-in-suggested"]');
    assert.match(suggested, /there when you have a few quiet minutes: .*WHO-5/, 'the journal mentions the self-checks calmly');
    assert.doesNotMatch(suggested, UNKIND, 'an invitation, not a reproach');
    await activate(driver, 'check-ins-open');
    await shown(driver, '[data-testid="checkin-start-who5"]');
    const measures = await textsOf(driver, 'section[data-testid^="measure-"] h2');
    assert.deepEqual(measures, ['ProQOL 5', 'WHO-5', 'CBI', 'Single-item burnout'], 'all four self-checks are listed');
    const who5 = await textOf(driver, '[data-testid="measure-who5"]');
    assert.match(who5, /Not taken yet/, 'says it has not been taken, without counting');
    assert.match(who5, /Suggested every 14 days/, 'and its schedule in gentle words');
    assert.match(await textOf(driver, '[data-testid="measure-single_item_burnout"]'), /Any time/, 'the single item has no schedule');
    assert.doesNotMatch(await pageText(driver), UNKIND, 'no guilt or diagnosis words on Self-checks');
    await axe(driver, 'self-checks');
    await screenshot(driver, '19-self-checks');

    await activate(driver, 'checkin-start-who5');
    assert.match(await textOf(driver, '[data-testid="checkin-instructions"]'), /higher numbers mean better well-being/, 'the WHO-5\'s own instructions, verbatim');
    await axe(driver, 'check-in start');
    await screenshot(driver, '20-check-in-start');
    await activate(driver, 'checkin-begin');

    // 3 + 2 + 2 + 3 + 2 = 12, × 4 = 48: at or below the cut-off of 50, so options are offered.
    const chosen = [3, 2, 2, 3, 2];
    for (const [i, value] of chosen.entries()) {
      await atStep(`Question ${i + 1} of 5`);
      await answer(i + 1, value);
      if (i === 0) {
        const label = await driver.executeScript('return document.querySelector("progress").getAttribute("aria-label");');
        assert.match(label, /Question 1 of 5/, 'the progress bar has an accessible label');
        await axe(driver, 'check-in question');
        await screenshot(driver, '21-check-in-question');
      }
      await activate(driver, 'checkin-next');
    }
    assert.equal(await textOf(driver, '[data-testid="checkin-summary"]'), 'You answered 5 of 5.', 'the last step says how many were answered');
    await activate(driver, 'checkin-finish');

    assert.equal(await textOf(driver, '[data-testid="score-number"]'), '48 out of 100', 'the WHO-5 as a score out of 100');
    assert.match(await textOf(driver, '[data-testid="score-words"]'), /50 or lower/, 'with Ballast\'s words for its band');
    assert.match(await textOf(driver, '[data-testid="result-note"]'), /not a diagnosis/, 'every score screen says it is not a diagnosis');
    assert.match(await textOf(driver, '[data-testid="credit"]'), /World Health Organization/, 'the credit line is shown');
    assert.match(await textOf(driver, '[data-testid="options"]'), /self-care plan/i, 'a result at the cut-off comes with options, not only a number');
    assert.match(await textOf(driver, '[data-testid="result-talk"]'), /supervisor, or a peer you trust/, 'talking it through with a supervisor or peer is offered');
    await shown(driver, '[data-testid="result-plan"]');
    // Support opens over the results and closes back to the button that opened it.
    await activate(driver, 'result-support');
    await shown(driver, 'dialog[data-testid="support-panel"][open]');
    await shown(driver, '[data-testid="support-resource"]');
    await press(driver, Key.ESCAPE);
    await driver.wait(async () => (await focused(driver)) === 'result-support', 5_000, 'focus returns to the Support option').catch(() => {});
    assert.equal(await focused(driver), 'result-support', 'closing Support returns focus to the option that opened it');
    assert.doesNotMatch(await pageText(driver), UNKIND, 'no guilt or diagnosis words on the results');
    await axe(driver, 'check-in results');
    await screenshot(driver, '22-check-in-results');
  });

  it('keeps a skipped question skipped, and says the scale is incomplete rather than guess a score', async () => {
    await activate(driver, 'result-check-ins');
    await shown(driver, '[data-testid="checkin-start-who5"]');
    assert.match(await textOf(driver, '[data-testid="measure-who5"]'), /Last taken/, 'the WHO-5 now says when it was last taken');
    await activate(driver, 'checkin-start-who5');
    await activate(driver, 'checkin-begin');
    await atStep('Question 1 of 5');
    await answerAndNext(1, 4);
    await atStep('Question 2 of 5');
    await activate(driver, 'checkin-skip');
    for (const n of [3, 4, 5]) {
      await atStep(`Question ${n} of 5`);
      await answerAndNext(n, 4);
    }
    assert.equal(await textOf(driver, '[data-testid="checkin-summary"]'), 'You answered 4 of 5; skipped questions are fine.', 'skipping is fine');
    await activate(driver, 'checkin-finish');
    assert.match(await textOf(driver, '[data-testid="score-words"]'), /Incomplete/, 'the scale is named incomplete');
    assert.equal(await textOf(driver, '[data-testid="score-number"]'), 'No score this time', 'and no score is made up');
    assert.match(await textOf(driver, '[data-testid="result-note"]'), /not a diagnosis/, 'still not a diagnosis');
    await screenshot(driver, '23-check-in-incomplete');

    await activate(driver, 'result-history');
    await driver.wait(async () => (await textsOf(driver, '[data-testid="check-in-row"]')).length === 2, 10_000, 'both WHO-5s are listed');
    const rows = await textsOf(driver, '[data-testid="check-in-row"]');
    assert.match(rows[0], /Wellbeing: incomplete/, 'newest first, incomplete in words');
    assert.match(rows[1], /Wellbeing: 48 out of 100/, 'then the first one with its score');
    await axe(driver, 'check-in history');
    await screenshot(driver, '24-check-in-history');
    await activate(driver, 'check-in-delete');
    await shown(driver, 'dialog[open]');
    await activate(driver, 'confirm-delete');
    await driver.wait(async () => (await textsOf(driver, '[data-testid="check-in-row"]')).length === 1, 10_000, 'one fewer after confirming');
    assert.match((await textsOf(driver, '[data-testid="check-in-row"]'))[0], /48 out of 100/, 'the one kept is the complete one');
  });

  it('carries on with a ProQOL 5 after the journal locks, at the right question with earlier answers kept', async () => {
    await activate(driver, 'back');
    await shown(driver, '[data-testid="checkin-start-proqol5"]');
    await activate(driver, 'checkin-start-proqol5');
    await activate(driver, 'checkin-begin');
    const first = { 1: 2, 2: 4, 3: 5 };
    for (const [n, value] of Object.entries(first)) {
      await atStep(`Question ${n} of 30`);
      await answerAndNext(Number(n), value);
    }
    await atStep('Question 4 of 30');
    // An answer chosen but not yet confirmed with Next is kept by the Lock too.
    await answer(4, 3);

    await activate(driver, 'lock');
    await unlock();
    assert.match(await textOf(driver, '[data-testid="check-in-suggested"]'), /ProQOL 5 is kept where you left off/, 'the journal says the unfinished one is kept');
    await activate(driver, 'check-ins-open');
    await shown(driver, '[data-testid="checkin-resume-proqol5"]');
    assert.match(await textOf(driver, '[data-testid="measure-proqol5"]'), /question 4 of 30/, 'Self-checks says where it was left');
    await activate(driver, 'checkin-resume-proqol5');
    await atStep('Question 4 of 30');
    await axe(driver, 'resumed check-in');
    await screenshot(driver, '25-check-in-resumed');
    assert.ok(await isChecked('checkin-q4-3'), 'the answer chosen just before locking is still chosen');

    for (const n of [3, 2, 1]) {
      await activate(driver, 'checkin-back');
      await atStep(`Question ${n} of 30`);
      assert.ok(await isChecked(`checkin-q${n}-${first[n]}`), `question ${n} still has its answer after the lock`);
    }
    for (const n of [1, 2, 3]) {
      await atStep(`Question ${n} of 30`);
      await activate(driver, 'checkin-next');
    }
    for (let n = 4; n <= 30; n += 1) {
      await atStep(`Question ${n} of 30`);
      await answerAndNext(n, 3);
    }
    assert.equal(await textOf(driver, '[data-testid="checkin-summary"]'), 'You answered 30 of 30.', 'every question answered');
    await activate(driver, 'checkin-finish');
    await shown(driver, '[data-testid="score-number"]');
    // Items 1–3 came back after the lock: item 3 (5) is compassion satisfaction, item 1 (2, reverse
    // scored as 4) burnout, item 2 (4) secondary traumatic stress; every other answer is 3.
    assert.deepEqual(
      await textsOf(driver, '[data-testid="score-number"]'),
      ['32 on a scale from 10 to 50', '31 on a scale from 10 to 50', '31 on a scale from 10 to 50'],
      'the scores are those of the answers given before and after the lock',
    );
    assert.match(await textOf(driver, '[data-testid="credit"]'), /Stamm/, 'the ProQOL\'s credit line is shown');
    await activate(driver, 'result-check-ins');
    await shown(driver, '[data-testid="checkin-start-proqol5"]');
  });

  it('offers, and does not force, the one-question burnout check after a reflection', async () => {
    await activate(driver, 'back');
    await activate(driver, 'new-reflection');
    await tabTo(driver, 'reflection-text');
    await press(driver, 'A long afternoon');
    await activate(driver, 'save');
    const offer = await textOf(driver, '[data-testid="burnout-offer"]');
    assert.match(offer, /One question about burnout, if you like/, 'a small calm offer after saving');
    await activate(driver, 'offer-burnout');
    await activate(driver, 'checkin-begin');
    await atStep('Question 1 of 1');
    await answerAndNext(1, 2);
    await activate(driver, 'checkin-finish');
    assert.match(await textOf(driver, '[data-testid="score-words"]'), /You chose statement 1 or 2/, 'Ballast\'s words for the statement chosen');
    assert.match(await textOf(driver, '[data-testid="result-note"]'), /not a diagnosis/, 'not a diagnosis');
    await activate(driver, 'back');
    await shown(driver, '[data-testid="entry-row"]');
  });
});
