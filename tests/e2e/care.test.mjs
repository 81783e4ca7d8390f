// The self-care plan and Support in the real app, with the keyboard alone. Support opens from the
// header on the locked screen (Ballast's starting list, with its country), on the journal, over a
// reflection being written (nothing typed is lost) and on Trends; Escape or Close returns focus to
// what opened it. The worker's own list is edited (a refusal shown next to its field, then saved)
// and is there after a lock, but not on the locked screen. The plan is filled in two parts, saved
// (version 1), changed and saved (version 2), refused calmly for a part that is too long, and
// version 1 read back as it was while the unsaved text waits. On Trends a WHO-5 at its cut-off
// brings a calm nudge with the plan, Support and Dismiss. axe-core runs on each new state.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, focused, Key, launch, press, screenshot, shown, tabTo, activate, pageText, textOf, textsOf, exists, textNow, eventually, valueOf, seedWithCli, unlock as unlockWith, toJournal } from './harness.mjs';

const PASSPHRASE = 'harbour lantern quietly';
/** Words no screen may show: no guilt, no counting, no diagnosis, no alarm. */
const UNKIND = /overdue|missed|streak|diagnosed|disorder|you are burned out|you have burnout|you have depression/i;
const PANEL = 'dialog[data-testid="support-panel"]';
let app;
let driver;

/** A journal set up with the CLI, with a WHO-5 of 40 (2 on each item, × 4): at or below the
 * measure's cut-off of 50, which raises one calm nudge on Trends. */
function prepare(dataDir) {
  seedWithCli(dataDir, PASSPHRASE, ['check-in', 'who5', '--answers', '2,2,2,2,2']);
}








async function typeInto(id, words) {
  await tabTo(driver, id);
  await press(driver, words);
}

/** Sets a field's value as a paste would (for text too long to type), and tells the form. */
async function paste(id, text) {
  await driver.executeScript(
    `const e = document.getElementById(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input', { bubbles: true }));`,
    id,
    text,
  );
}


async function unlock() {
  await unlockWith(driver, PASSPHRASE);
}

async function atHeading(text) {
  await eventually(driver, 
    () => driver.executeScript(`const h = document.querySelector('main h1'); return !!h && h.textContent.trim() === ${JSON.stringify(text)};`),
    `the "${text}" screen shows`,
  );
}

/** Opens Support with the button `from` and checks focus moves into the panel. */
async function openSupport(from = 'support-open') {
  await activate(driver, from);
  await shown(driver, `${PANEL}[open]`);
  await shown(driver, '[data-testid="support-resource"]');
  await eventually(driver, async () => (await focused(driver)) === 'support-title', 'focus moves to the Support heading when it opens');
}

/** Closes Support (Escape, or its Close button) and checks focus is back on `back`. */
async function closeSupport({ by = 'escape', back = 'support-open' } = {}) {
  if (by === 'escape') await press(driver, Key.ESCAPE);
  else await activate(driver, 'support-close');
  await eventually(driver, 
    () => driver.executeScript(`const d = document.querySelector(${JSON.stringify(PANEL)}); return !!d && !d.open;`),
    `Support closes with ${by === 'escape' ? 'Escape' : 'its Close button'}`,
  );
  await eventually(driver, async () => (await focused(driver)) === back, `focus returns to ${back} (it is on ${await focused(driver)})`);
}

async function resourceNames() {
  return textsOf(driver, `${PANEL} [data-testid="support-resource"] h3`);
}

/** The tag names of the headings in main, in order; each may go at most one level deeper. */
async function headingsInOrder(where) {
  const levels = await driver.executeScript('return [...document.querySelectorAll("main h1, main h2, main h3, main h4")].map((h) => Number(h.tagName[1]));');
  assert.equal(levels[0], 1, `${where} starts with its h1`);
  assert.equal(levels.filter((l) => l === 1).length, 1, `${where} has one h1`);
  for (let i = 1; i < levels.length; i += 1) {
    assert.ok(levels[i] <= levels[i - 1] + 1, `${where}: no heading level is skipped (${levels.join(' ')})`);
  }
}

describe('Self-care plan and Support, end to end', { timeout: 600_000 }, () => {
  before(async () => {
    app = await launch({ prepare });
    driver = app.driver;
  }, { timeout: 300_000 });
  after(async () => {
    if (app) await app.stop();
  });

  it('opens Support while locked, with the starting list and its country, without losing what was typed', async () => {
    await shown(driver, '#unlock-passphrase');
    await typeInto('unlock-passphrase', PASSPHRASE);
    await openSupport();
    assert.match(await textOf(driver, `${PANEL} h2`), /^Support$/, 'the panel is named Support');
    assert.match(await textOf(driver, '[data-testid="support-country"]'), /United States/, 'the starting list says which country it is for');
    const notice = await textOf(driver, '[data-testid="support-notice"]');
    assert.match(notice, /kept safe/, `while locked, the worker's own list is said to be kept safe (${notice})`);
    assert.match(notice, /check the numbers for where you live/i, 'and to check the numbers locally');
    const names = await resourceNames();
    assert.ok(names.includes('988 Suicide & Crisis Lifeline'), `the starting list is shown (${names.join(', ')})`);
    assert.match(await textOf(driver, `${PANEL} [data-testid="support-list"]`), /Call or text 988/, 'with how to reach each one');
    assert.equal(await exists(driver, '[data-testid="support-edit"]'), false, 'nothing can be changed while locked');
    assert.match(await textOf(driver, '[data-testid="support-locked"]'), /once your journal is unlocked/, 'and it says when it can be');
    assert.doesNotMatch(await pageText(driver), UNKIND, 'calm words only');
    await axe(driver, 'Support, locked');
    await screenshot(driver, '29-support-locked');
    await closeSupport();
    assert.equal(await valueOf(driver, 'unlock-passphrase'), PASSPHRASE, 'the passphrase typed before opening Support is still there');
    await tabTo(driver, 'unlock-passphrase');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="home"]');
    await toJournal(driver);
  });

  it('opens Support from the journal and over a reflection being written, and closes back to it', async () => {
    await openSupport();
    assert.match(await textOf(driver, '[data-testid="support-notice"]'), /starting list is for the United States/, 'unlocked, the starting list asks to check local numbers');
    await shown(driver, '[data-testid="support-edit"]');
    await closeSupport({ by: 'button' });
    await atHeading('Your journal');

    await activate(driver, 'new-reflection');
    await shown(driver, '#reflection-text');
    await typeInto('reflection-text', 'Half a thought, not saved yet');
    await openSupport();
    await closeSupport();
    assert.equal(await valueOf(driver, 'reflection-text'), 'Half a thought, not saved yet', 'the unsaved reflection is just as it was');
    await activate(driver, 'cancel');
    await shown(driver, '[data-testid="new-reflection"]');
  });

  it('changes the Support list: a refusal next to its field keeps what was typed, then it saves and is kept after a lock', async () => {
    await openSupport();
    const starting = await resourceNames();
    await activate(driver, 'support-edit');
    await shown(driver, '#support-r0-name');
    assert.equal(await valueOf(driver, 'support-r0-name'), starting[0], 'editing starts from the list shown');
    const count = starting.length;
    await activate(driver, 'support-add');
    const name = `support-r${count}-name`;
    await eventually(driver, async () => (await focused(driver)) === name, 'focus moves to the new resource\'s name');
    await typeInto(`support-r${count}-contact`, 'Text 07700 900123');
    await typeInto(`support-r${count}-note`, 'Evenings are best');
    await activate(driver, 'support-save');
    await eventually(driver, 
      async () => /Give each resource a name/.test(await textNow(driver, `#${name}-error`)),
      'a resource without a name is refused next to its name field',
    );
    assert.equal(
      await driver.executeScript(`return document.getElementById(${JSON.stringify(name)}).getAttribute('aria-invalid');`),
      'true',
      'the name field is marked invalid',
    );
    assert.match(
      await driver.executeScript(`return document.getElementById(${JSON.stringify(name)}).getAttribute('aria-describedby');`),
      new RegExp(`${name}-error`),
      'and described by its message',
    );
    assert.equal(await valueOf(driver, `support-r${count}-contact`), 'Text 07700 900123', 'what was typed is kept');
    assert.equal(await valueOf(driver, `support-r${count}-note`), 'Evenings are best', 'all of it');
    assert.equal(await focused(driver), name, 'focus moves to the field to fix');
    await axe(driver, 'Support, changing the list, with a refusal');
    await screenshot(driver, '30-support-edit-refused');

    await press(driver, 'Maya, peer mentor');
    await activate(driver, 'support-save');
    await eventually(driver, async () => /Your list is saved/.test(await textNow(driver, '[data-testid="support-status"]')), 'the list is saved');
    const mine = await resourceNames();
    assert.equal(mine.length, count + 1, 'one more resource than the starting list');
    assert.equal(mine[count], 'Maya, peer mentor', 'the new one is last, as placed');
    assert.match(await textOf(driver, '[data-testid="support-notice"]'), /Your own list/, 'the notice now says it is the worker\'s own list');
    assert.equal(await exists(driver, '[data-testid="support-country"]'), false, 'and no longer names the starting list\'s country');
    await axe(driver, 'Support, own list');
    await screenshot(driver, '31-support-own-list');
    await closeSupport();

    await activate(driver, 'lock');
    await shown(driver, '#unlock-passphrase');
    await openSupport();
    assert.ok(!(await resourceNames()).includes('Maya, peer mentor'), 'the worker\'s own list is not shown while locked');
    assert.match(await textOf(driver, '[data-testid="support-notice"]'), /kept safe/, 'it is said to be kept safe');
    await closeSupport();
    await unlock();
    await openSupport();
    await eventually(driver, async () => (await resourceNames()).includes('Maya, peer mentor'), 'after unlocking, the saved resource is there');
    assert.match(await textOf(driver, `${PANEL} [data-testid="support-list"]`), /Text 07700 900123/, 'with how to reach them');
    assert.match(await textOf(driver, `${PANEL} [data-testid="support-list"]`), /Evenings are best/, 'and its note');

    // A list without the crisis lines (as an older version could leave it) gets them back in one step.
    await activate(driver, 'support-edit');
    await shown(driver, '#support-r0-name');
    const first = await valueOf(driver, 'support-r0-name');
    await activate(driver, 'support-r0-remove');
    await activate(driver, 'support-add-starting');
    await eventually(driver, async () => /Added 1 from Ballast's starting list/.test(await textNow(driver, '[data-testid="support-status"]')), 'only what was missing is added');
    await activate(driver, 'support-save');
    await eventually(driver, async () => /Your list is saved/.test(await textNow(driver, '[data-testid="support-status"]')), 'the list is saved');
    const after = await resourceNames();
    assert.equal(after[after.length - 1], first, `the removed starting resource (${first}) is back, at the end`);
    assert.ok(after.includes('Maya, peer mentor'), 'and the worker\'s own resource is kept');
    await closeSupport();
  });

  it('keeps the self-care plan in versions, and shows an earlier one as it was', async () => {
    await activate(driver, 'plan-open');
    await atHeading('My self-care plan');
    await eventually(driver, () => driver.executeScript('const e = document.activeElement; return !!e && e.tagName === "TEXTAREA" && e === document.querySelector("main form textarea");'),
      'the cursor starts in the plan\'s first part, as in every form');
    await eventually(driver, async () => /^Not saved yet/.test(await textNow(driver, '[data-testid="plan-version"]')), 'the plan opens, with nothing saved yet');
    const sections = await textsOf(driver, 'main form section h2');
    assert.deepEqual(sections, ['Warning signs', 'What helps', 'People I can talk to', 'Boundaries', 'A plan for vicarious trauma, in five steps', 'Anything else'],
      'the plan\'s sections, in Ballast\'s words');
    const unlabelled = await driver.executeScript('return [...document.querySelectorAll("main textarea")].filter((t) => t.labels.length === 0).map((t) => t.id);');
    assert.deepEqual(unlabelled, [], 'every text area has a label');
    assert.equal(await driver.executeScript('return document.querySelectorAll("main textarea").length;'), 13, 'thirteen parts, each may stay empty');
    await headingsInOrder('the plan');
    assert.doesNotMatch(await pageText(driver), UNKIND, 'calm words only');
    await axe(driver, 'self-care plan');

    await typeInto('plan-warning-signs', 'Short sleep, snapping at small things');
    await typeInto('plan-vt-goals', 'Walk at lunch. Leave on time on Friday.');
    await activate(driver, 'plan-save');
    await eventually(driver, async () => /^Version 1, saved /.test(await textNow(driver, '[data-testid="plan-version"]')), 'the first save is version 1');
    assert.equal(await textOf(driver, '[data-testid="plan-status"]'), 'Saved as version 1.', 'and says so');
    await driver.executeScript('window.scrollTo(0, 0);');
    await screenshot(driver, '32-self-care-plan');

    await tabTo(driver, 'plan-vt-goals');
    await press(driver, Key.END, ' Call Sam on Sunday.');
    await activate(driver, 'plan-save');
    await eventually(driver, async () => /^Version 2, saved /.test(await textNow(driver, '[data-testid="plan-version"]')), 'a change is saved as version 2');

    // A part too long to keep is refused next to it, and nothing typed anywhere is lost.
    await paste('plan-people', 'x'.repeat(50_001));
    await activate(driver, 'plan-save');
    await eventually(driver, async () => /can hold up to 50,?000 characters/.test(await textNow(driver, '#plan-people-error')), 'the long part is refused next to it, with the limit');
    assert.equal(await focused(driver), 'plan-people', 'focus moves to the part to fix');
    assert.equal((await valueOf(driver, 'plan-people')).length, 50_001, 'the refused text itself is kept');
    assert.equal(await valueOf(driver, 'plan-warning-signs'), 'Short sleep, snapping at small things', 'the other parts are kept');
    assert.match(await textOf(driver, '[data-testid="plan-version"]'), /^Version 2, /, 'nothing new was kept');
    await axe(driver, 'self-care plan with a refusal');
    await paste('plan-people', '');
    await activate(driver, 'plan-save');
    await eventually(driver, async () => (await textNow(driver, '[data-testid="plan-status"]')) === 'Nothing had changed, so this is still version 2.', 'saving the same plan makes no new version');

    await typeInto('plan-notes', 'Not saved yet, still mine');
    const listed = await textsOf(driver, '[data-testid="plan-versions"] li');
    assert.equal(listed.length, 2, 'both versions are listed');
    assert.match(listed[0], /^Version 2, saved .*your current plan/, 'newest first, marked as the current plan');
    assert.match(listed[1], /^Version 1, saved /, 'then version 1');
    await activate(driver, 'plan-version-1');
    await shown(driver, '[data-testid="plan-past"]');
    await eventually(driver, async () => (await focused(driver)) === 'plan-past-title', 'focus moves to the earlier version\'s heading');
    assert.match(await textOf(driver, '#plan-past-title'), /^Version 1, saved /, 'it names the version shown');
    assert.equal(await textOf(driver, '[data-testid="plan-past-vt_goals"]'), 'Walk at lunch. Leave on time on Friday.', 'version 1 has the earlier goals');
    assert.equal(await textOf(driver, '[data-testid="plan-past-warning_signs"]'), 'Short sleep, snapping at small things', 'and the warning signs');
    assert.equal(await textOf(driver, '[data-testid="plan-past-people"]'), 'Left empty.', 'an empty part says so');
    assert.equal(await driver.executeScript('return document.querySelectorAll("main textarea").length;'), 0, 'an earlier version cannot be edited');
    await headingsInOrder('an earlier version of the plan');
    await axe(driver, 'self-care plan, an earlier version');
    await screenshot(driver, '33-self-care-plan-version-1');

    await activate(driver, 'plan-current');
    await shown(driver, '#plan-vt-goals');
    assert.equal(await valueOf(driver, 'plan-vt-goals'), 'Walk at lunch. Leave on time on Friday. Call Sam on Sunday.', 'back to the current plan');
    assert.equal(await valueOf(driver, 'plan-notes'), 'Not saved yet, still mine', 'with the unsaved text still there');
    await activate(driver, 'back');
    await atHeading('Your journal');
  });

  it('offers a calm nudge on Trends with the plan, Support and Dismiss, and Support opens there too', async () => {
    await activate(driver, 'trends-open');
    await atHeading('Trends');
    await shown(driver, '[data-testid="trends-content"]', 30_000);
    const message = await textOf(driver, '[data-testid="nudge-message"]');
    assert.match(message, /WHO-5 is 50 or lower/, `the nudge says what it noticed (${message})`);
    assert.match(message, /self-care plan/, 'and offers options in words');
    assert.equal(await exists(driver, '[data-testid="nudges"] [role="alert"]'), false, 'a nudge is not an alert');
    const colours = await driver.executeScript(`
      const n = document.querySelector('[data-testid="nudge"]');
      const s = getComputedStyle(n);
      return [s.color, s.backgroundColor, s.borderLeftColor];`);
    assert.ok(colours.every((c) => !/rgb\(155, 28, 28\)|rgb\(253, 241, 241\)/.test(c)), `never in the error colours (${colours.join(' / ')})`);
    assert.doesNotMatch(await pageText(driver), UNKIND, 'calm words only');
    await axe(driver, 'Trends with a nudge');
    await screenshot(driver, '34-trends-nudge');

    await openSupport();
    await closeSupport();
    await openSupport('nudge-support');
    await closeSupport({ back: 'nudge-support' });

    await activate(driver, 'nudge-plan');
    await atHeading('My self-care plan');
    assert.equal(await textOf(driver, '[data-testid="back"]'), 'Back to Trends', 'the way back names Trends');
    await activate(driver, 'back');
    await atHeading('Trends');
    await shown(driver, '[data-testid="nudge"]', 30_000);
    await activate(driver, 'nudge-dismiss');
    await eventually(driver, async () => !(await exists(driver, '[data-testid="nudge"]')), 'the dismissed nudge disappears');
    assert.equal(await textOf(driver, '[data-testid="nudge-status"]'), 'Set aside. A new note may appear if things change.', 'and it says so, calmly');

    await activate(driver, 'back');
    await atHeading('Your journal');
    await activate(driver, 'trends-open');
    await atHeading('Trends');
    await shown(driver, '[data-testid="trends-content"]', 30_000);
    assert.equal(await exists(driver, '[data-testid="nudge"]'), false, 'a dismissed nudge does not come back');
    await activate(driver, 'back');
    await atHeading('Your journal');
  });

  it('keeps unsaved plan text when the journal locks, and hands it back after unlocking', async () => {
    await activate(driver, 'plan-open');
    await atHeading('My self-care plan');
    await typeInto('plan-notes', ' and a slow walk home');
    const typed = await valueOf(driver, 'plan-notes');
    await activate(driver, 'lock');
    await shown(driver, '#unlock-passphrase');
    await typeInto('unlock-passphrase', PASSPHRASE);
    await press(driver, Key.ENTER);
    await atHeading('My self-care plan');
    assert.equal(await valueOf(driver, 'plan-notes'), typed, 'the unsaved text is back, exactly as typed');
    assert.match(await textOf(driver, '[data-testid="plan-restored"]'), /not saved yet/, 'and it says it is not saved yet');
    await activate(driver, 'back');
    await atHeading('Your journal');
  });
});
