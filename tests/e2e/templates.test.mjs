// Reflection templates in the real app, with the keyboard alone: the list in Settings, a template
// of one's own added with two questions and moved up, a built-in one hidden (no longer offered for
// a new reflection, while the entry seeded with it still shows its questions and answers), a
// reflection written with one's own template (connecting someone to housing, the link not known
// yet, a strength word), then that template edited: the entry keeps the question it was written with. axe-core runs on each new screen.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, chooseRadio, Key, launch, openMore, press, screenshot, shown, tabTo, activate, textOf, textsOf, eventually, seedWithCli, unlock } from './harness.mjs';

const PASSPHRASE = 'harbour lantern quietly';
let app;
let driver;

/** One entry written with the built-in "Before supervision" template, through the CLI. */
function prepare(dataDir) {
  const answers = path.join(path.dirname(dataDir), `${path.basename(dataDir)}-answers.json`);
  writeFileSync(answers, JSON.stringify({ answers: { bring: 'The long waits at the housing office' } }));
  seedWithCli(dataDir, PASSPHRASE, ['add', '--template', 'supervision_prep', '--json', answers]);
}

async function typeInto(id, words) {
  await tabTo(driver, id);
  await press(driver, words);
}

async function names() {
  return textsOf(driver, '[data-testid="template-row"] .name');
}

/** Chooses an option of a closed select with the arrow keys, after reaching it with Tab. */
async function chooseOption(id, label) {
  await tabTo(driver, id);
  const [labels, at] = await driver.executeScript(`const s = document.getElementById(${JSON.stringify(id)}); return [[...s.options].map((o) => o.textContent.trim()), s.selectedIndex];`);
  const want = labels.indexOf(label);
  assert.ok(want >= 0, `${label} is offered`);
  for (let i = at; i !== want; i += want > at ? 1 : -1) await press(driver, want > at ? Key.ARROW_DOWN : Key.ARROW_UP);
  await eventually(driver, async () => (await driver.executeScript(`const s = document.getElementById(${JSON.stringify(id)}); return s.options[s.selectedIndex].textContent.trim();`)) === label, `${label} is chosen from the keyboard`);
}

/** Opens the journal row whose text matches, from the keyboard (Tab to it, then Enter). */
async function openRow(pattern) {
  // The journal's list arrives over IPC a moment after the screen shows.
  await eventually(driver, async () => (await textsOf(driver, '[data-testid="entry-row"]')).some((r) => pattern.test(r)), `a row matches ${pattern}`);
  const rows = await textsOf(driver, '[data-testid="entry-row"]');
  const at = rows.findIndex((r) => pattern.test(r));
  assert.ok(at >= 0, `a row matches ${pattern}: ${rows}`);
  await tabTo(driver, 'entry-row');
  for (let i = 0; i < at; i += 1) await press(driver, Key.TAB);
  const focusedText = await driver.executeScript('return document.activeElement.textContent');
  assert.match(focusedText, pattern, 'the row is reached with Tab');
  await press(driver, Key.ENTER);
}

async function options() {
  return driver.executeScript("return [...document.querySelectorAll('#reflection-template option')].map((o) => o.textContent.trim());");
}

describe('Reflection templates', { timeout: 300_000 }, () => {
  before(async () => {
    app = await launch({ prepare });
    driver = app.driver;
    await unlock(driver, PASSPHRASE);
  });
  after(async () => {
    if (app) await app.stop();
  });

  it('lists the templates in Settings, and adds one of your own with two questions', async () => {
    await activate(driver, 'settings');
    await activate(driver, 'templates-open');
    await eventually(driver, async () => (await names()).length === 8, 'the eight built-in templates are listed');
    await axe(driver, 'templates');
    await activate(driver, 'own-new');
    await eventually(driver, async () => (await driver.executeScript('return document.activeElement.id')) === 'own-name', 'the cursor starts in the name');
    await press(driver, 'After a home visit');
    await typeInto('own-prompt-0', 'What did the home tell you?');
    await activate(driver, 'own-add-prompt');
    await typeInto('own-prompt-1', 'What will you bring next time?');
    await axe(driver, 'a template of your own');
    await screenshot(driver, '46-own-template');
    await activate(driver, 'own-save');
    await eventually(driver, async () => (await names()).includes('After a home visit'), 'it is saved and listed');
    assert.match(await textOf(driver, '[data-testid="templates-said"]'), /is saved/, 'said calmly');
  });

  it('moves it up, and hides a built-in one', async () => {
    const before = await names();
    await tabTo(driver, 'up-own_1');
    await press(driver, Key.ENTER);
    await eventually(driver, async () => (await names()).indexOf('After a home visit') === before.length - 2, 'moved up one place');
    await tabTo(driver, 'hide-supervision_prep');
    await press(driver, Key.ENTER);
    await eventually(driver, async () => (await textsOf(driver, '[data-testid="template-row"]')).some((r) => /Before supervision.*hidden/.test(r)), 'Before supervision is hidden');
    await activate(driver, 'back');
    await activate(driver, 'back');
  });

  it('offers one’s own and not the hidden one, and a hidden one’s entry keeps its questions', async () => {
    await activate(driver, 'new-reflection');
    await openMore(driver);
    await eventually(driver, async () => (await options()).includes('After a home visit'), 'one’s own template is offered');
    assert.ok(!(await options()).includes('Before supervision'), 'the hidden one is not');
    await chooseOption('reflection-template', 'After a home visit');
    await shown(driver, '#answer-q1');
    await typeInto('answer-q1', 'Cold, but she had the heating on for us');
    // The connection to a service, its kind and (not yet known) whether it held; a strength word.
    await chooseRadio(driver, 'reflection-connected', 'true');
    await chooseOption('reflection-service-kind', 'Housing');
    await chooseRadio(driver, 'reflection-service-held', 'not_yet_known');
    await typeInto('reflection-strength-words', 'warmth');
    await axe(driver, 'reflection form with a service');
    await activate(driver, 'save');
    await eventually(driver, async () => (await textsOf(driver, '[data-testid="entry-row"]')).length === 2, 'written');
    const rows = await textsOf(driver, '[data-testid="entry-row"]');
    assert.ok(rows.some((r) => /Cold, but she had the heating/.test(r)), `the journal lists it by its first answer: ${rows}`);
    assert.ok(rows.some((r) => /The long waits at the housing office/.test(r)), 'and the seeded one by its own');
    // The seeded entry, written with the template now hidden.
    await openRow(/housing office/);
    await shown(driver, '[data-testid="edit"]');
    const entry = await textOf(driver, 'dl');
    assert.match(entry, /Written with Before supervision/, `the hidden template's entry names it: ${entry}`);
    assert.match(entry, /What do I want to bring\? The long waits at the housing office/, 'with its question and answer');
    await axe(driver, 'an entry written with a hidden template');
    await press(driver, Key.ESCAPE);
    await shown(driver, '[data-testid="new-reflection"]');
  });

  it('edits one’s own template; the entry written with it keeps its question', async () => {
    await activate(driver, 'settings');
    await activate(driver, 'templates-open');
    await shown(driver, '[data-testid="template-edit"]');
    await activate(driver, 'template-edit');
    await tabTo(driver, 'own-prompt-0');
    await driver.executeScript("document.getElementById('own-prompt-0').select();");
    await press(driver, 'What did you notice at the door?');
    await activate(driver, 'own-save');
    await eventually(driver, async () => /is saved/.test(await textOf(driver, '[data-testid="templates-said"]')), 'the edit is saved');
    await activate(driver, 'back');
    await activate(driver, 'back');
    await openRow(/heating on/);
    await shown(driver, '[data-testid="edit"]');
    const entry = await textOf(driver, 'dl');
    assert.match(entry, /What did the home tell you\? Cold, but she had the heating on for us/, `the old question stays with its answer: ${entry}`);
    assert.match(entry, /Kind of service Housing/, 'the kind of service is kept');
    assert.match(entry, /Whether the link held Not known yet/, 'and whether the link held');
    assert.match(entry, /Strengths, in a word warmth/, 'and the strength word');
    assert.doesNotMatch(entry, /notice at the door/, 'the new question is not put on an old entry');
  });
});
