// The lock in the real app: after the Lock button, nothing the worker wrote is left anywhere in
// the page; and the idle deadline kept in Rust locks on its own (the page's own timer held off),
// tells the window why, and the form typed before it comes back after unlock, kept as it was typed;
// changing the passphrase with a new key shows a new recovery key once, and only the new
// passphrase opens the journal after it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, Key, launch, press, screenshot, shown, tabTo, eventually, valueOf, seedWithCli, toJournal } from './harness.mjs';

const PASSPHRASE = 'harbour lantern quietly';
const SAVED = 'marigold-harbour-saved';
const TYPED = 'saffron-lighthouse-typed';
let app;
let driver;

function prepare(dataDir) {
  seedWithCli(dataDir, PASSPHRASE, ['add', '--mood', '6', '--text', `${SAVED} after a long shift`]);
}

async function typeInto(id, words) {
  await tabTo(driver, id);
  await press(driver, words);
}

async function unlock() {
  await shown(driver, '#unlock-passphrase');
  await typeInto('unlock-passphrase', PASSPHRASE);
  await press(driver, Key.ENTER);
}

/** Everything the page holds: its markup, every field's value, and its visible text. */
const wholePage = () =>
  driver.executeScript(`return document.documentElement.outerHTML + ' ' + [...document.querySelectorAll('input, textarea, select')].map((e) => e.value).join(' ') + ' ' + document.body.innerText;`);

describe('the lock', { timeout: 300_000 }, () => {
  before(async () => {
    app = await launch({ prepare });
    driver = app.driver;
  });
  after(async () => app?.stop());

  it('leaves none of the journal in the page once Rust confirms the lock', async () => {
    await unlock();
    await shown(driver, '[data-testid="home"]');
    await toJournal(driver);
    await shown(driver, '[data-testid="entry-row"]');
    await tabTo(driver, 'new-reflection');
    await press(driver, Key.ENTER);
    await typeInto('reflection-text', `${TYPED} not finished`);
    const before = await wholePage();
    assert.ok(before.includes(TYPED), 'the typed phrase is on the page before the lock (so the check below can fail)');
    await tabTo(driver, 'lock');
    await press(driver, Key.ENTER);
    await shown(driver, '#unlock-passphrase');
    const page = await wholePage();
    for (const phrase of [SAVED, TYPED]) {
      assert.ok(!page.includes(phrase), `after the lock the page holds nothing of "${phrase}"`);
    }
    await axe(driver, 'unlock after the Lock button');
    await unlock();
    await shown(driver, '#reflection-text');
    assert.equal(await valueOf(driver, 'reflection-text'), `${TYPED} not finished`, 'the form comes back after unlock');
  });

  it("locks on Rust's idle deadline with the page's own timer held off, says why, and keeps the form", async () => {
    // Leave the form; set the auto-lock to its shortest, a minute.
    await tabTo(driver, 'cancel');
    await press(driver, Key.ENTER);
    await tabTo(driver, 'settings');
    await press(driver, Key.ENTER);
    await shown(driver, '#settings-auto-lock');
    await driver.executeScript(`const e = document.getElementById('settings-auto-lock'); e.value = '1'; e.dispatchEvent(new Event('input', { bubbles: true }));`);
    await tabTo(driver, 'save-auto-lock');
    await press(driver, Key.ENTER);
    await eventually(driver, () => driver.executeScript(`return document.body.innerText.includes('Saved.');`), 'the minute is saved');
    await axe(driver, 'settings with lock when minimised');
    await tabTo(driver, 'back');
    await press(driver, Key.ENTER);
    // The page's timer would lock after ten minutes: only Rust's deadline can lock within this test.
    await driver.executeScript('window.__BALLAST_IDLE_MS__ = 600000;');
    await tabTo(driver, 'new-reflection');
    await press(driver, Key.ENTER);
    await typeInto('reflection-text', `${TYPED} before the quiet spell`);
    await shown(driver, '#unlock-passphrase', 120_000);
    const reason = await driver.executeScript(`return document.querySelector('[data-testid="lock-reason"]')?.textContent ?? '';`);
    assert.match(reason, /quiet spell/, 'the unlock screen says Ballast locked itself after a quiet spell');
    const page = await wholePage();
    assert.ok(!page.includes(TYPED) && !page.includes(SAVED), 'nothing of the journal is left in the page');
    await axe(driver, 'unlock after an idle lock');
    await screenshot(driver, '38-unlock-after-idle');
    await unlock();
    await shown(driver, '#reflection-text');
    assert.equal(await valueOf(driver, 'reflection-text'), `${TYPED} before the quiet spell`, 'the form kept as it was typed comes back');
  });

  it('re-encrypts with a new key from Settings and shows the new recovery key once', async () => {
    const NEW = 'a different lantern entirely';
    await tabTo(driver, 'cancel');
    await press(driver, Key.ENTER);
    await tabTo(driver, 'settings');
    await press(driver, Key.ENTER);
    await shown(driver, '#settings-current');
    await typeInto('settings-current', PASSPHRASE);
    await typeInto('settings-next', NEW);
    await typeInto('settings-again', NEW);
    await tabTo(driver, 'rekey');
    await press(driver, Key.SPACE);
    await shown(driver, '#rekey-backups-keep_readable');
    await tabTo(driver, 'change-passphrase');
    await press(driver, Key.ENTER);
    const key = await (await shown(driver, '[data-testid="new-key"]', 60_000)).getText();
    assert.match(key, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/, 'a new recovery key is shown');
    await axe(driver, 'settings with a new recovery key');
    await screenshot(driver, '39-new-recovery-key');
    await tabTo(driver, 'key-written');
    await press(driver, Key.ENTER);
    assert.equal(await driver.executeScript(`return !!document.querySelector('[data-testid="new-key"]');`), false, 'shown only until it is written down');
    await tabTo(driver, 'lock');
    await press(driver, Key.ENTER);
    await shown(driver, '#unlock-passphrase');
    await typeInto('unlock-passphrase', PASSPHRASE);
    await press(driver, Key.ENTER);
    await eventually(driver, () => driver.executeScript(`return /does not open/.test(document.body.innerText);`), 'the old passphrase is refused');
    await driver.executeScript(`const e = document.getElementById('unlock-passphrase'); e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true }));`);
    await typeInto('unlock-passphrase', NEW);
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="home"]');
    await toJournal(driver);
    await shown(driver, '[data-testid="entry-row"]');
    const rows = await driver.executeScript(`return document.body.innerText;`);
    assert.ok(rows.includes(SAVED), 'the saved entry reads with the new passphrase');
  });
});
