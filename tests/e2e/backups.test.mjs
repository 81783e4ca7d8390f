// Backups and recovery in the real app: back up now, see it listed as verified, restore it after
// typing the confirmation word; a damaged journal file is detected at unlock, set aside, and the
// newest backup brings the journal back; export, a refused import, and delete everything with a
// final backup that can be restored. axe-core runs on each screen.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activate, axe, axeInEveryTheme, Key, launch, press, screenshot, shown, tabTo, seedWithCli, toJournal } from './harness.mjs';

const PASSPHRASE = 'harbour lantern quietly';
let app;
let driver;

/** The journal set up and one reflection written with the CLI, before the app starts. */
function prepare(dataDir) {
  seedWithCli(dataDir, PASSPHRASE, ['add', '--text', 'Kept in every backup', '--mood', '6']);
}

async function rows(testid) {
  return driver.executeScript(`return [...document.querySelectorAll('[data-testid="${testid}"]')].map((r) => r.textContent.replace(/\\s+/g, ' ').trim());`);
}

async function unlock() {
  await shown(driver, '#unlock-passphrase');
  await tabTo(driver, 'unlock-passphrase');
  await press(driver, PASSPHRASE, Key.ENTER);
}

describe('Backups and recovery, end to end', { timeout: 300_000 }, () => {
  before(async () => {
    app = await launch({ prepare });
    driver = app.driver;
  });
  after(async () => {
    if (app) await app.stop();
  });

  it('lists the day\'s backup, backs up now, and shows each as verified', async () => {
    await unlock();
    await shown(driver, '[data-testid="home"]');
    await toJournal(driver);
    await shown(driver, '[data-testid="entry-row"]');
    // Backups sit inside Settings.
    await activate(driver, 'settings');
    await activate(driver, 'backups-open');
    await shown(driver, '[data-testid="backup-row"]');
    let list = await rows('backup-row');
    assert.equal(list.length, 1, 'unlocking made the day\'s backup');
    assert.match(list[0], /First unlock of the day/, 'with its reason in words');
    await axe(driver, 'backups');
    await tabTo(driver, 'back-up-now');
    await press(driver, Key.ENTER);
    await driver.wait(async () => (await rows('backup-row')).length === 2, 15_000, 'the new backup is listed');
    list = await rows('backup-row');
    assert.match(list[0], /You asked for it/, 'the newest first, made on request');
    assert.ok(list.every((r) => r.includes('✓ Verified')), 'each backup shows it was checked');
    assert.match(await (await shown(driver, '[data-testid="backups-status"]')).getText(), /Backed up and checked/, 'the result is announced');
    await axe(driver, 'backups after backing up');
    await screenshot(driver, '14-backups');
  });

  it('restores a backup only after the confirmation word, backing the journal up first', async () => {
    await tabTo(driver, 'back');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="backups-open"]');
    await toJournal(driver);
    await tabTo(driver, 'new-reflection');
    await press(driver, Key.ENTER);
    await tabTo(driver, 'reflection-text');
    await press(driver, 'Written after the backup');
    await tabTo(driver, 'save');
    await press(driver, Key.ENTER);
    await driver.wait(async () => (await rows('entry-row')).length === 2, 10_000, 'two entries now');

    // Backups sit inside Settings.
    await activate(driver, 'settings');
    await activate(driver, 'backups-open');
    await shown(driver, '[data-testid="backup-row"]');
    await tabTo(driver, 'restore-row');
    await press(driver, Key.ENTER);
    await shown(driver, '#restore-confirm');
    await press(driver, 'yes', Key.ENTER);
    assert.match(await (await shown(driver, '#restore-confirm-error')).getText(), /Type the word restore/, 'the word is required');
    await axe(driver, 'restore confirmation');
    await screenshot(driver, '15-restore-confirm');
    await driver.executeScript(`const e = document.getElementById('restore-confirm'); e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true }));`);
    await tabTo(driver, 'restore-confirm');
    await press(driver, 'restore', Key.ENTER);
    await driver.wait(async () => /Restored/.test(await (await shown(driver, '[data-testid="backups-status"]')).getText()), 15_000, 'restored');
    const list = await rows('backup-row');
    assert.match(list[0], /Before a restore/, 'the journal as it was is backed up first and listed');
    await tabTo(driver, 'back');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="backups-open"]', 5_000);
    assert.equal(await driver.executeScript(`return document.querySelector('main h1').textContent.trim();`), 'Settings', 'Backups goes back to Settings, where it sits');
    await toJournal(driver);
    await shown(driver, '[data-testid="entry-row"]');
    const entries = await rows('entry-row');
    assert.equal(entries.length, 1, 'the journal is the backup\'s again');
    assert.match(entries[0], /Kept in every backup/, 'with the backed-up entry');
  });

  it('detects a damaged journal at unlock, keeps it aside, and restores the newest backup', async () => {
    await tabTo(driver, 'lock');
    await press(driver, Key.ENTER);
    await shown(driver, '#unlock-passphrase');
    writeFileSync(path.join(app.dataDir, 'journal.db'), Buffer.alloc(64 * 1024, 0x5a));
    await unlock();
    await shown(driver, '[data-testid="recover-restore"]');
    const message = await (await shown(driver, '[data-testid="damage-message"]')).getText();
    assert.match(message, /passphrase is right/i, 'not mistaken for a wrong passphrase');
    assert.match(message, /nothing has been deleted/i, 'says nothing was deleted');
    const quarantine = readdirSync(path.join(app.dataDir, 'quarantine'));
    assert.equal(quarantine.length, 1, 'the damaged file was moved into quarantine/');
    await axe(driver, 'recovery');
    await screenshot(driver, '16-recovery');
    await axeInEveryTheme(driver, 'recovery');
    await tabTo(driver, 'recovery-secret');
    await press(driver, PASSPHRASE);
    await tabTo(driver, 'recover-restore');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="home"]', 20_000);
    await toJournal(driver);
    await shown(driver, '[data-testid="entry-row"]');
    const entries = await rows('entry-row');
    assert.ok(entries.some((r) => r.includes('Kept in every backup')), 'the journal is back from the newest backup');
  });

  it('exports everything, lists every problem of a bad import, and deletes everything only when asked', async () => {
    await activate(driver, 'settings');
    await activate(driver, 'data-open');
    await shown(driver, '#export-folder');
    await axe(driver, 'your data');
    const out = path.join(app.dataDir, '..', `${path.basename(app.dataDir)}-export`);
    await driver.executeScript(`const e = document.getElementById('export-folder'); e.value = ${JSON.stringify(out)}; e.dispatchEvent(new Event('input', { bubbles: true }));`);
    await tabTo(driver, 'export');
    await press(driver, Key.ENTER);
    await driver.wait(async () => /Exported/.test(await (await shown(driver, '[data-testid="export-status"]')).getText()), 15_000, 'exported');
    for (const f of ['ballast-export.json', 'entries.csv', 'settings.csv', 'entries.md']) {
      assert.ok(existsSync(path.join(out, f)), `${f} is written`);
    }
    const bad = path.join(out, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'ballast-export', version: 1, entries: [{ id: 1, kind: 'reflection', mood: 12 }], settings: [] }));
    await tabTo(driver, 'import-file');
    await press(driver, bad, Key.ENTER);
    await shown(driver, '[data-testid="import-problems"]');
    const listed = await driver.executeScript('return document.querySelector(\'[data-testid="import-problems"]\').textContent;');
    assert.match(listed, /entries\[0\]\.mood/, 'each problem names its record and field');
    assert.match(listed, /entries\[0\]\.created_at/, 'every problem is listed, not just the first');
    await axe(driver, 'your data with import problems');
    await screenshot(driver, '17-your-data');

    await tabTo(driver, 'delete-words');
    await press(driver, 'delete', Key.ENTER);
    assert.match(await (await shown(driver, '#delete-words-error')).getText(), /Nothing has been deleted/, 'the words are required');
    assert.ok(existsSync(path.join(app.dataDir, 'journal.db')), 'and nothing was deleted');
    await driver.executeScript(`const e = document.getElementById('delete-words'); e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true }));`);
    await tabTo(driver, 'delete-words');
    await press(driver, 'delete everything', Key.ENTER);
    await shown(driver, '[data-testid="removed"]');
    const removed = await driver.executeScript('return document.querySelector(\'[data-testid="removed"]\').textContent;');
    assert.match(removed, /journal\.db/, 'the report names the journal file');
    assert.match(removed, /vault\.json/, 'and the key file');
    assert.ok(!existsSync(path.join(app.dataDir, 'journal.db')), 'the journal is gone');
    await axe(driver, 'deleted');
    await screenshot(driver, '18-deleted');
    await axeInEveryTheme(driver, 'deleted');
    await tabTo(driver, 'deleted-done');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="recover-restore"]');
    await tabTo(driver, 'recovery-secret');
    await press(driver, PASSPHRASE);
    await tabTo(driver, 'recover-restore');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="home"]', 20_000);
    await toJournal(driver);
    await shown(driver, '[data-testid="entry-row"]');
    assert.ok((await rows('entry-row')).some((r) => r.includes('Kept in every backup')), 'the final backup brings it back');
  });
});
