// The whole path through the real app in its real webview: first-run set-up, a reflection written
// with the keyboard alone, validation that keeps the draft, an edit, a setback, settings, lock, a
// wrong passphrase, unlock, auto-lock that keeps a draft, and delete. axe-core runs on every
// screen and a screenshot of each lands in docs/screenshots/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, axeInEveryTheme, By, chooseRadio, eventually, focused, Key, launch, openMore, press, screenshot, shown, tabTo, textOf, toJournal } from './harness.mjs';

const PASSPHRASE = 'harbour lantern quietly';
let app;
let driver;

async function text(css) {
  return (await shown(driver, css)).getText();
}

async function value(id) {
  return driver.executeScript(`return document.getElementById(${JSON.stringify(id)}).value;`);
}

/** The text of each journal row (textContent: WebKitWebDriver's getText drops the clipped preview). */
async function rows() {
  return driver.executeScript('return [...document.querySelectorAll(\'[data-testid="entry-row"]\')].map((r) => r.textContent.replace(/\\s+/g, " ").trim());');
}

/** Sets a 0–10 control with the keyboard, whether it is a slider or a number field. */
async function rate(id, n) {
  await tabTo(driver, id);
  const type = await driver.executeScript(`return document.getElementById(${JSON.stringify(id)}).type;`);
  if (type === 'range') {
    await press(driver, Key.HOME);
    for (let i = 0; i < n; i += 1) await press(driver, Key.ARROW_RIGHT);
  } else {
    await press(driver, Key.END, Key.BACK_SPACE, Key.BACK_SPACE, Key.BACK_SPACE, String(n));
  }
  assert.equal(Number(await value(id)), n, `${id} is set to ${n} from the keyboard`);
}

async function typeInto(id, words) {
  await tabTo(driver, id);
  await press(driver, words);
}

describe('Ballast, end to end', { timeout: 300_000 }, () => {
  before(async () => {
    app = await launch();
    driver = app.driver;
  });
  after(async () => {
    if (app) await app.stop();
  });

  it('first-run set-up explains what is kept and where, and shows the recovery key once', async () => {
    await shown(driver, '#setup-passphrase');
    const page = await driver.findElement(By.css('body')).getText();
    assert.ok(page.includes(app.dataDir), 'set-up names the folder where the journal will live');
    await axe(driver, 'set-up');
    await screenshot(driver, '01-set-up');
    await axeInEveryTheme(driver, 'set-up');
    await typeInto('setup-passphrase', 'too short');
    await typeInto('setup-confirm', 'too short');
    await tabTo(driver, 'set-up');
    await press(driver, Key.ENTER);
    assert.match(await text('[role="alert"]'), /12 characters/, 'a short passphrase is refused with the reason');
    await driver.executeScript('for (const id of ["setup-passphrase", "setup-confirm"]) { const e = document.getElementById(id); e.value = ""; e.dispatchEvent(new Event("input", { bubbles: true })); }');
    await typeInto('setup-passphrase', PASSPHRASE);
    await typeInto('setup-confirm', PASSPHRASE);
    await tabTo(driver, 'set-up');
    await press(driver, Key.ENTER);
    const key = await text('#recovery-key');
    assert.match(key.trim(), /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/, 'the recovery key is shown in groups of four');
    await axe(driver, 'recovery key');
    await screenshot(driver, '02-recovery-key');
    await axeInEveryTheme(driver, 'recovery-key');
    await tabTo(driver, 'recovery-kept');
    await press(driver, Key.SPACE);
    await tabTo(driver, 'continue');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="home"]');
    await eventually(driver, async () => (await focused(driver)) === 'reflection-mood', 'the first screen after setting up is Home, with the cursor in the quick reflection');
    assert.match(await textOf(driver, '[data-testid="home-today"]'), /Nothing logged yet today/, 'Home says calmly that today is empty');
    await axe(driver, 'home, empty');
    await screenshot(driver, '03-home-empty');
    await toJournal(driver);
    await axe(driver, 'empty journal');
    await screenshot(driver, '03-journal-empty');
  });

  it('writes a reflection with the keyboard alone, and it appears in the list', async () => {
    await tabTo(driver, 'new-reflection');
    await press(driver, Key.ENTER);
    await shown(driver, '#reflection-mood');
    await axe(driver, 'reflection form');
    await screenshot(driver, '04-reflection-form');
    await rate('reflection-mood', 6);
    await rate('reflection-self-worth', 5);
    await chooseRadio(driver, 'reflection-outcome', 'progress');
    await typeInto('reflection-text', 'Walked to the housing office together');
    // The person code is one of the further questions.
    await openMore(driver);
    await typeInto('reflection-person-code', 'R7');
    await tabTo(driver, 'save');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="entry-row"]');
    const list = await rows();
    assert.equal(list.length, 1, 'one entry in the list');
    assert.ok(list[0].includes('Walked to the housing office'), 'the list shows the new reflection');
  });

  it('refuses invalid input with a message next to the field and keeps everything typed', async () => {
    await tabTo(driver, 'new-reflection');
    await press(driver, Key.ENTER);
    await typeInto('reflection-text', 'Still here after a refusal');
    await driver.executeScript(`const e = document.getElementById('reflection-strengths'); e.value = 'x'.repeat(50001); e.dispatchEvent(new Event('input', { bubbles: true }));`);
    await tabTo(driver, 'save');
    await press(driver, Key.ENTER);
    const describedBy = () => driver.executeScript(`
      const e = document.getElementById('reflection-strengths');
      return (e.getAttribute('aria-describedby') || '').split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' ');`);
    // The refusal comes back over IPC; wait for it rather than read the field before it arrives.
    await driver.wait(async () => /50,000/.test(await describedBy()), 10_000, 'the refusal arrives').catch(() => {});
    assert.match(await describedBy(), /50,000/, 'the strengths field is described by its error, naming the limit');
    assert.equal(await value('reflection-text'), 'Still here after a refusal', 'the rest of the form is kept');
    assert.equal((await value('reflection-strengths')).length, 50001, 'the refused text itself is kept too');
    await axe(driver, 'reflection form with an error');
    await screenshot(driver, '05-reflection-invalid');
    await driver.executeScript(`const e = document.getElementById('reflection-strengths'); e.value = 'patience'; e.dispatchEvent(new Event('input', { bubbles: true }));`);
    await tabTo(driver, 'save');
    await press(driver, Key.ENTER);
    await driver.wait(async () => (await rows()).length === 2, 10_000, 'the corrected reflection is saved');
  });

  it('opens and edits an entry', async () => {
    await tabTo(driver, 'entry-row');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="edit"]');
    await axe(driver, 'entry');
    await screenshot(driver, '06-entry');
    await tabTo(driver, 'edit');
    await press(driver, Key.ENTER);
    await shown(driver, '#reflection-text');
    await tabTo(driver, 'reflection-text');
    await press(driver, Key.END, ' (edited)');
    await tabTo(driver, 'save');
    await press(driver, Key.ENTER);
    await driver.wait(async () => (await rows()).some((r) => r.includes('(edited)')), 10_000, 'the edit shows in the list');
  });

  it('logs a setback, shown in the list with its own marker', async () => {
    await tabTo(driver, 'new-setback');
    await press(driver, Key.ENTER);
    await shown(driver, '#setback-what-happened');
    await chooseRadio(driver, 'setback-type', 'hospital_admission');
    await typeInto('setback-what-happened', 'Admitted overnight after a hard week');
    await axe(driver, 'setback form');
    await screenshot(driver, '07-setback-form');
    await tabTo(driver, 'save');
    await press(driver, Key.ENTER);
    await driver.wait(async () => (await rows()).length === 3, 10_000, 'three entries now');
    const list = await rows();
    assert.ok(list[0].includes('Setback') || list.some((r) => r.includes('Setback')), 'the setback is labelled in words, not colour alone');
    await axe(driver, 'journal list');
    await screenshot(driver, '08-journal');
  });

  it('has a settings screen for the passphrase and auto-lock', async () => {
    await tabTo(driver, 'settings');
    await press(driver, Key.ENTER);
    await shown(driver, '#settings-auto-lock');
    await axe(driver, 'settings');
    await screenshot(driver, '09-settings');
    await tabTo(driver, 'back');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="entry-row"]');
  });

  it('locks; a wrong passphrase is refused calmly; unlocking brings both kinds of entry back', async () => {
    await tabTo(driver, 'lock');
    await press(driver, Key.ENTER);
    await shown(driver, '#unlock-passphrase');
    await axe(driver, 'unlock');
    await screenshot(driver, '10-unlock');
    await typeInto('unlock-passphrase', 'not my passphrase');
    await press(driver, Key.ENTER);
    assert.match(await text('[role="alert"]'), /That passphrase does not open this journal/, 'the wrong passphrase message');
    await axe(driver, 'unlock with an error');
    await screenshot(driver, '11-unlock-wrong');
    await driver.executeScript(`const e = document.getElementById('unlock-passphrase'); e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true }));`);
    await typeInto('unlock-passphrase', PASSPHRASE);
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="home"]');
    await toJournal(driver);
    await shown(driver, '[data-testid="entry-row"]');
    const list = await rows();
    assert.equal(list.length, 3, 'all three entries are still there');
    assert.ok(list.some((r) => r.includes('Admitted overnight')) && list.some((r) => r.includes('(edited)')), 'both kinds of entry are back');
  });

  it('auto-locks when idle and restores the unsaved draft after unlock', async () => {
    await driver.executeScript('window.__BALLAST_IDLE_MS__ = 2000;');
    await tabTo(driver, 'new-reflection');
    await press(driver, Key.ENTER);
    await typeInto('reflection-text', 'A thought I had not finished');
    await shown(driver, '#unlock-passphrase', 20_000);
    await typeInto('unlock-passphrase', PASSPHRASE);
    await press(driver, Key.ENTER);
    await shown(driver, '#reflection-text');
    await driver.executeScript('window.__BALLAST_IDLE_MS__ = 600000;');
    assert.equal(await value('reflection-text'), 'A thought I had not finished', 'the draft comes back after unlock');
    const page = await driver.findElement(By.css('body')).getText();
    assert.match(page, /kept what you were writing/i, 'a notice says the draft was kept');
    await screenshot(driver, '12-draft-restored');
  });

  it('deletes an entry only after confirmation', async () => {
    await tabTo(driver, 'cancel');
    await press(driver, Key.ENTER);
    // The list loads over IPC; count it once it is there.
    await shown(driver, '[data-testid="entry-row"]');
    const before = (await rows()).length;
    await tabTo(driver, 'entry-row');
    await press(driver, Key.ENTER);
    await tabTo(driver, 'delete');
    await press(driver, Key.ENTER);
    await shown(driver, '[role="dialog"], dialog[open]');
    await axe(driver, 'delete confirmation');
    await screenshot(driver, '13-delete-confirm');
    await press(driver, Key.ESCAPE);
    await tabTo(driver, 'delete');
    await press(driver, Key.ENTER);
    await tabTo(driver, 'confirm-delete');
    await press(driver, Key.ENTER);
    await driver.wait(async () => (await rows()).length === before - 1, 10_000, 'one entry fewer after confirming');
  });

  it('keeps nothing typed in plaintext in the data directory', async () => {
    const files = [];
    const walk = (dir) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(app.dataDir);
    assert.ok(files.some((f) => f.endsWith('journal.db')), 'the journal is in the data directory');
    for (const phrase of ['housing office', 'Admitted overnight', 'A thought I had not finished', 'Still here after', 'patience']) {
      for (const f of files) {
        assert.ok(!readFileSync(f).includes(Buffer.from(phrase)), `${path.basename(f)} must not hold "${phrase}" in plaintext`);
      }
    }
  });
});
