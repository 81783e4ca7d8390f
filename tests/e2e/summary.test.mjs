// The supervision summary in the real app, with the keyboard: a journal seeded with the CLI (two
// reflections from the last few days, each with a phrase found nowhere else, and a WHO-5), opened
// from the journal. The person-code and tag extras start unticked; one entry (and only that one)
// is ticked to share, and the preview then holds its text and not the other's. Saving as PDF goes
// through the native GTK save dialog that Rust opens (answered with xdotool, as a person would:
// select the suggested name, type a path, press Return); the file is a PDF whose text holds the
// shared entry and not the other, and its first page is rendered for docs/screenshots. The share
// log lists the file, and is cleared through the confirmation. axe-core runs on each new state.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, focused, Key, launch, press, root, screenshot, shown, tabTo, activate, pageText, textOf, textsOf, exists, textNow, eventually, valueOf } from './harness.mjs';

const PASSPHRASE = 'harbour lantern quietly';
/** Words no screen may show: no guilt, no counting, no diagnosis. */
const UNKIND = /overdue|missed|streak|diagnosed|disorder|you are burned out|you have burnout|you have depression/i;
/** The phrase of the entry that is shared, and of the one that is not. Each is found nowhere else. */
const SHARED = 'Zephyr-lantern-41';
const PRIVATE = 'Quartz-meadow-77';
/** The person code and tag of the shared entry: left out unless the worker ticks the extras. */
const CODE = 'K4';
const TAG = 'harbour-walk';
/** The native save dialog's title (set in src-tauri/src/lib.rs). */
const DIALOG_TITLE = 'Save the supervision summary';
const DAY_MS = 86_400_000;

/** 12:00 UTC on the (UTC) day `daysAgo` days before today, as RFC 3339. Noon keeps each entry on
 * the same calendar day in any time zone from UTC−11 to UTC+11, where Ballast counts local days. */
function noonUtc(daysAgo) {
  return `${new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10)}T12:00:00Z`;
}

/** A local calendar day, `YYYY-MM-DD`, `daysAgo` days before today (what a date input holds). */
function localDay(daysAgo) {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

let app;
let driver;
/** Where the PDF is saved: a fresh folder. */
let outDir;
let pdfFile;

/** A journal set up and filled with the CLI, before the app starts: two reflections (neither
 * marked to share), and a WHO-5 of 60 taken now. */
function prepare(dataDir) {
  const cli = path.join(root, 'target', 'debug', 'ballast');
  const env = { ...process.env, BALLAST_PASSPHRASE: PASSPHRASE };
  const run = (args) => execFileSync(cli, ['--data-dir', dataDir, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  run(['init']);
  run([
    'add', '--occurred-at', noonUtc(3), '--mood', '6', '--self-worth', '7', '--outcome', 'progress',
    '--person-code', CODE, '--tag', TAG, '--text', `${SHARED}: a small step together, and a good laugh.`,
  ]);
  run(['add', '--occurred-at', noonUtc(2), '--mood', '4', '--outcome', 'no_change', '--text', `${PRIVATE}: a slow, heavy afternoon.`]);
  run(['check-in', 'who5', '--answers', '3,3,3,3,3']);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function xdotool(...args) {
  return execFileSync('xdotool', args, { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * Answers the native save dialog (GTK, opened by Rust, outside the webview) as a person would:
 * waits up to 15 s for its window, focuses it, selects the suggested name, types the full path
 * and presses Return. Needs DISPLAY (the tests run under Xvfb).
 */
async function saveInNativeDialog(file) {
  const deadline = Date.now() + 15_000;
  let id = '';
  while (!id) {
    try {
      // Exits 1 while there is no such window yet.
      id = xdotool('search', '--onlyvisible', '--name', DIALOG_TITLE).split('\n').filter(Boolean).pop() ?? '';
    } catch {
      id = '';
    }
    if (!id) {
      if (Date.now() > deadline) throw new Error(`the native save dialog ("${DIALOG_TITLE}") did not appear within 15 s`);
      await sleep(250);
    }
  }
  // Let the dialog finish drawing and put its suggested name in the name field.
  await sleep(500);
  try {
    xdotool('windowfocus', '--sync', id);
  } catch {
    // Without a window manager focus may not be reported back; the keys below name the window anyway.
  }
  xdotool('key', '--window', id, 'ctrl+a');
  xdotool('type', '--window', id, '--delay', '20', file);
  await sleep(300);
  xdotool('key', '--window', id, 'Return');
}

async function unlock() {
  await shown(driver, '#unlock-passphrase');
  await tabTo(driver, 'unlock-passphrase');
  await press(driver, PASSPHRASE, Key.ENTER);
  await shown(driver, '[data-testid="home"]');
}



async function isChecked(id) {
  return driver.executeScript(`const e = document.getElementById(${JSON.stringify(id)}); return !!e && e.checked;`);
}



async function atHeading(text) {
  await eventually(driver, 
    () => driver.executeScript(`const h = document.querySelector('main h1'); return !!h && h.textContent.trim() === ${JSON.stringify(text)};`),
    `the "${text}" screen shows`,
  );
}

/** Waits until the preview shows the choices as they are now (nothing loading, nothing changed since). */
async function previewCurrent(message = 'the preview is drawn for the choices shown') {
  await eventually(driver, 
    () => driver.executeScript('const p = document.querySelector(\'[data-testid="summary-preview"]\'); return !!p && p.dataset.state === "current";'),
    message,
    30_000,
  );
}

/**
 * Sets a date input to a day (`YYYY-MM-DD`). WebKitGTK draws a date input as month, day and year
 * parts in the locale's order, so typing depends on the locale; the value is set as a paste would,
 * and the form is told, after reaching the input with the keyboard.
 */
async function setDay(id, ymd) {
  await tabTo(driver, id);
  await driver.executeScript(
    `const e = document.getElementById(arguments[0]); e.value = arguments[1];
     e.dispatchEvent(new Event('input', { bubbles: true })); e.dispatchEvent(new Event('change', { bubbles: true }));`,
    id,
    ymd,
  );
  assert.equal(await valueOf(driver, id), ymd, `${id} holds ${ymd}`);
}

/** The id of the share tick whose label holds `phrase`. */
async function tickFor(phrase) {
  return driver.executeScript(
    `const l = [...document.querySelectorAll('[data-testid="summary-entry"]')].find((e) => e.textContent.includes(arguments[0]));
     return l ? l.querySelector('input[type="checkbox"]').id : '';`,
    phrase,
  );
}

/** The heading levels in main, in order; each may go at most one level deeper than the one before. */
async function headingsInOrder(where) {
  const levels = await driver.executeScript(
    'return [...document.querySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6")].filter((h) => h.getClientRects().length > 0).map((h) => Number(h.tagName[1]));',
  );
  assert.equal(levels[0], 1, `${where} starts with its h1`);
  assert.equal(levels.filter((l) => l === 1).length, 1, `${where} has one h1`);
  for (let i = 1; i < levels.length; i += 1) {
    assert.ok(levels[i] <= levels[i - 1] + 1, `${where}: no heading level is skipped (${levels.join(' ')})`);
  }
}

describe('Supervision summary, end to end', { timeout: 600_000 }, () => {
  before(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'ballast-summary-'));
    pdfFile = path.join(outDir, 'zephyr-summary.pdf');
    app = await launch({ prepare });
    driver = app.driver;
  }, { timeout: 300_000 });
  after(async () => {
    if (app) await app.stop();
  });

  it('opens from the journal with the keyboard, with both extras unticked and the last 30 days chosen', async () => {
    await unlock();
    await activate(driver, 'summary-open');
    await atHeading('Supervision summary');
    await eventually(driver, () => driver.executeScript('return document.activeElement && document.activeElement.tagName === "H1";'), 'focus moves to the heading on arrival');
    await previewCurrent('a first preview is drawn on arrival');

    const intro = await textOf(driver, 'main p.intro');
    assert.match(intro, /only what you choose/, `the intro says the summary holds only what the worker chooses (${intro})`);
    assert.match(intro, /exactly what the file will contain/, 'that the preview shows exactly what the file holds');
    assert.match(intro, /nothing leaves your computer until you save a file/, 'and that nothing leaves the computer until a file is saved');

    assert.equal(await isChecked('summary-codes'), false, '"Include person codes" starts unticked');
    assert.equal(await isChecked('summary-tags'), false, '"Include tags" starts unticked');
    assert.equal(await valueOf(driver, 'summary-from'), localDay(29), 'From starts 30 days back, today included');
    assert.equal(await valueOf(driver, 'summary-to'), localDay(0), 'To starts today');
    const labels = await driver.executeScript(`
      return ['summary-from', 'summary-to', 'summary-codes', 'summary-tags', 'summary-note', 'summary-author']
        .map((id) => [id, document.getElementById(id).labels[0]?.textContent.replace(/\\s+/g, ' ').trim() ?? '']);`);
    assert.deepEqual(Object.fromEntries(labels), {
      'summary-from': 'From',
      'summary-to': 'To',
      'summary-codes': 'Include person codes (beside the entries I share)',
      'summary-tags': 'Include tags (beside the entries I share)',
      'summary-note': "What I'd like from supervision (optional)",
      'summary-author': 'A name to put on the document (optional)',
    }, 'every control is labelled, in the worker\'s words');

    const entries = await textsOf(driver, '[data-testid="summary-entry"]');
    assert.equal(entries.length, 2, `both reflections of the range are listed to tick (${entries.join(' | ')})`);
    assert.ok(entries.every((e) => e.startsWith("Share this reflection's text — ")), 'each tick names what it shares');
    for (const id of [await tickFor(SHARED), await tickFor(PRIVATE)]) {
      assert.ok(id, 'each entry has its tick');
      assert.equal(await isChecked(id), false, `${id} starts unticked, as seeded`);
    }
    const doc = await textOf(driver, '[data-testid="summary-document"]');
    assert.ok(!doc.includes(SHARED) && !doc.includes(PRIVATE), 'with nothing ticked, no entry\'s text is in the preview');
    assert.match(doc, /No entries are shared in this summary/, 'and the preview says so');
    assert.equal(await textOf(driver, '[data-testid="summary-log-empty"]'), 'No summaries have been saved.', 'the share log starts empty');
    assert.doesNotMatch(await pageText(driver), UNKIND, 'calm words only');
    await headingsInOrder('the summary screen');
    await axe(driver, 'supervision summary');
    await screenshot(driver, '35-summary-screen');
  });

  it('shares one entry: the preview holds its text and not the other\'s', async () => {
    await setDay('summary-from', localDay(5));
    await setDay('summary-to', localDay(0));
    await eventually(driver, async () => exists(driver, '[data-testid="summary-stale"]'), 'a changed range says the preview is out of date');
    await activate(driver, 'summary-show-preview');
    await previewCurrent('the preview is drawn for the new range');
    assert.equal(await exists(driver, '[data-testid="summary-stale"]'), false, 'and then says nothing is out of date');
    assert.equal(await textOf(driver, '[data-testid="summary-preview-status"]'), 'The preview below shows your latest choices.', 'the preview says it is up to date');
    assert.equal((await textsOf(driver, '[data-testid="summary-entry"]')).length, 2, 'both reflections are in the last 5 days');

    const tick = await tickFor(SHARED);
    await tabTo(driver, tick);
    await press(driver, Key.SPACE);
    await eventually(driver, async () => (await isChecked(tick)), `the ${SHARED} entry is ticked from the keyboard`);
    await eventually(driver, 
      async () => (await textNow(driver, '[data-testid="summary-document"]')).includes(SHARED) && (await driver.executeScript('return document.querySelector(\'[data-testid="summary-preview"]\').dataset.state')) === 'current',
      'the preview is drawn again after the tick, with the shared entry',
      30_000,
    );
    assert.equal(await focused(driver), tick, 'focus stays on the tick');
    assert.equal(await isChecked(await tickFor(PRIVATE)), false, `the ${PRIVATE} entry stays unticked`);

    const doc = await textOf(driver, '[data-testid="summary-document"]');
    assert.ok(doc.includes(SHARED), `the preview holds the shared entry's text (${SHARED})`);
    assert.ok(!doc.includes(PRIVATE), `and not the other entry's text (${PRIVATE})`);
    assert.ok(!doc.includes(CODE) && !doc.includes(TAG), 'nor the person code or tag, which were not ticked');
    assert.match(doc, /Entries I chose to share/, 'the shared entry is under its heading');
    assert.match(doc, /WHO-5/, 'the self-check is in the summary');
    const held = await textOf(driver, '[data-testid="summary-included"]');
    assert.match(held, /^This file will hold: 1 self-check, .*1 shared entry; person codes: no; tags: no; your note: no; your name: no\.$/,
      `what the file holds, in one plain line (${held})`);
    assert.ok(await driver.executeScript('return !!document.querySelector(\'[data-testid="summary-document"] figure svg\');'), 'the charts are drawn in the preview');
    assert.doesNotMatch(await pageText(driver), UNKIND, 'calm words only');
    await headingsInOrder('the summary with its preview');
    await axe(driver, 'supervision summary, preview');
    await driver.executeScript('document.getElementById("summary-preview-title").scrollIntoView({ block: "start" });');
    await screenshot(driver, '36-summary-preview');
  });

  it('saves the PDF through the native save dialog, and the PDF holds what the preview showed', async () => {
    // The press returns at once; Rust then opens the dialog and waits for it.
    await activate(driver, 'summary-save-pdf');
    await saveInNativeDialog(pdfFile);
    await eventually(driver, async () => /^Saved to /.test(await textNow(driver, '[data-testid="summary-status"]')), 'the screen says the file is saved', 60_000);
    assert.equal(await textOf(driver, '[data-testid="summary-status"]'), `Saved to ${pdfFile}.`, 'and where');
    assert.equal(await driver.executeScript('return document.querySelector(\'[data-testid="summary-status"]\').getAttribute("role");'), 'status',
      'in a status message');

    assert.ok(existsSync(pdfFile), `the file is there (${pdfFile})`);
    assert.equal(readFileSync(pdfFile).subarray(0, 5).toString('latin1'), '%PDF-', 'it is a PDF');
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(text.includes(SHARED), `the PDF holds the shared entry's text (${SHARED})`);
    assert.ok(!text.includes(PRIVATE), `and not the other entry's text (${PRIVATE})`);
    assert.ok(!text.includes(CODE) && !text.includes(TAG), 'nor the person code or tag');
    assert.match(text, /Supervision summary/, 'it has its title');
    const shots = path.join(root, 'docs', 'screenshots');
    mkdirSync(shots, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfFile, path.join(shots, '37-summary-pdf-page1')]);
    assert.ok(existsSync(path.join(shots, '37-summary-pdf-page1.png')), 'its first page is rendered for the docs');

    await eventually(driver, async () => (await textsOf(driver, '[data-testid="summary-log-item"]')).length === 1, 'the share log lists the summary');
    const [row] = await textsOf(driver, '[data-testid="summary-log-item"]');
    assert.ok(row.includes(path.basename(pdfFile)), `with the file's name (${row})`);
    assert.match(row, /a PDF of /, 'its format and days');
    assert.match(row, /It held 1 self-check, .*1 shared entry; person codes: no; tags: no/, 'and what kinds of things it held');
    assert.ok(!row.includes(SHARED), 'never what it said');
    await axe(driver, 'supervision summary, saved');
  });

  it('clears the share log after a confirmation, leaving the file alone', async () => {
    await activate(driver, 'summary-log-clear');
    await shown(driver, 'dialog[open]');
    assert.equal(await textOf(driver, 'dialog[open] h2'), 'Clear the share log?', 'the confirmation asks plainly');
    assert.match(await textOf(driver, 'dialog[open] p'), /files themselves are not touched/, 'and says the files are not touched');
    await axe(driver, 'clearing the share log');
    await activate(driver, 'confirm-delete');
    await eventually(driver, async () => (await textNow(driver, '[data-testid="summary-log-empty"]')) === 'No summaries have been saved.', 'the share log is empty again');
    assert.match(await textOf(driver, '[data-testid="summary-log-status"]'), /share log is cleared.*not touched/, 'it says so');
    assert.equal(await exists(driver, '[data-testid="summary-log-item"]'), false, 'nothing is listed');
    assert.ok(existsSync(pdfFile), 'the saved file is still there');

    // The extras start unticked on every visit; the share tick is kept with the entry.
    await tabTo(driver, 'summary-codes');
    await press(driver, Key.SPACE);
    assert.equal(await isChecked('summary-codes'), true, 'person codes ticked for now');
    await activate(driver, 'back');
    await atHeading('Your journal');
    await activate(driver, 'summary-open');
    await atHeading('Supervision summary');
    await previewCurrent();
    assert.equal(await isChecked('summary-codes'), false, 'back on the screen, person codes are unticked again');
    assert.equal(await isChecked(await tickFor(SHARED)), true, 'the entry ticked to share is still ticked');
    assert.equal(await textOf(driver, '[data-testid="summary-log-empty"]'), 'No summaries have been saved.', 'and the log stays cleared');
    await activate(driver, 'back');
    await atHeading('Your journal');
  });
});
