// Trends in the real app: a journal seeded with the CLI before launch (a year of varied sample data
// ending 100 days ago, then hand-worked reflections over the last 90 days, two logged setbacks, two
// self-checks), opened from the journal with the keyboard.
// The coupling panel shows means worked out by hand from the seed; every chart has its heading, its
// SVG (scaled to the column, its text in the shipped Inter) and its summary; a chart's numbers open
// from the keyboard as a real table; "Everything" reloads with the whole year, its means worked out
// from the imported file. axe-core runs on each state of the screen.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, focused, Key, launch, press, root, screenshot, shown, tabTo, activate, pageText, textOf, textsOf } from './harness.mjs';

const PASSPHRASE = 'harbour lantern quietly';
/** Words no screen may show: no guilt, no counting, no diagnosis. */
const UNKIND = /overdue|missed|streak|diagnosed|disorder|you are burned out|you have burnout|you have depression/i;
/** The charts, in the order Rust draws them (`ballast chart NAME`). */
const CHART_IDS = ['proqol5', 'cbi', 'who5', 'single_item_burnout', 'mood', 'coupling', 'coupling_over_time', 'dependence', 'push_patience', 'disclosure', 'services', 'setbacks'];
const DAY_MS = 86_400_000;

/** 12:00 UTC on the (UTC) day `daysAgo` days before today, as RFC 3339. Noon keeps each entry on
 * the same calendar day in any time zone from UTC−11 to UTC+11, where Ballast counts local days. */
function noonUtc(daysAgo) {
  return `${new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10)}T12:00:00Z`;
}

// The seed, worked by hand. Over the last 90 days:
// - setback days: 10, 24 and 38 days ago (outcome setback), and 52 days ago (outcome no change, but
//   a setback is logged that day): 4 days, self-worth 3 on each, so the mean is 3;
// - progress days: 6, 20, 34 and 48 days ago: 4 days, self-worth 8 on each, so the mean is 8;
// - other days: 14 and 60 days ago: 2 days, self-worth 5 on each, so the mean is 5.
// Ten days with ratings in all. 200 days ago (only in "Everything"): one more progress day at 8, so
// "Everything" has 5 progress days and the same means.
const REFLECTIONS = [
  { daysAgo: 6, outcome: 'progress', worth: 8, mood: 7, push: 0, tied: 4 },
  { daysAgo: 10, outcome: 'setback', worth: 3, mood: 4, push: 1, tied: 8 },
  { daysAgo: 14, outcome: 'no_change', worth: 5, mood: 5, push: 0, tied: 5 },
  { daysAgo: 20, outcome: 'progress', worth: 8, mood: 7, push: -1, tied: 3 },
  { daysAgo: 24, outcome: 'setback', worth: 3, mood: 3, push: 2, tied: 7 },
  { daysAgo: 34, outcome: 'progress', worth: 8, mood: 6, push: 0, tied: 4 },
  { daysAgo: 38, outcome: 'setback', worth: 3, mood: 4, push: 1, tied: 8 },
  { daysAgo: 48, outcome: 'progress', worth: 8, mood: 7, push: 0, tied: 3 },
  { daysAgo: 52, outcome: 'no_change', worth: 3, mood: 4, push: -1, tied: 6 },
  { daysAgo: 60, outcome: 'no_change', worth: 5, mood: 6, push: 0, tied: 5 },
  { daysAgo: 200, outcome: 'progress', worth: 8, mood: 7, push: 0, tied: 4 },
];
/** Logged setbacks, on days that already have a reflection (so no day is added by them). */
const SETBACKS = [
  { daysAgo: 24, setback_type: 'crisis', mood: 3 },
  { daysAgo: 52, setback_type: 'relapse', mood: 4 },
];

/** A year of varied, made-up data (`ballast sample-data`) ending 100 days ago, so it never touches
 * the hand-worked last 90 days; "Everything" includes it, and its expected coupling is worked out
 * here, independently of Rust, from the very file that was imported. */
const SAMPLE_END_DAYS_AGO = 100;
let sampleFile;

/** The worker's local calendar day of an RFC 3339 time (the app counts local days too). */
function localDay(iso) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Rust's and the UI's way of writing a mean: up to two decimals, no trailing zeros. */
function two(v) {
  return v.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

/** The coupling over everything (sample + hand seed), computed as docs/INSIGHTS.md describes. */
function expectedEverything() {
  const doc = JSON.parse(readFileSync(sampleFile, 'utf8'));
  const days = new Map();
  const day = (iso) => {
    const key = localDay(iso);
    if (!days.has(key)) days.set(key, { worth: [], setback: false, progress: false });
    return days.get(key);
  };
  const note = (iso, worth, outcome, setbackEntry) => {
    const d = day(iso);
    if (worth !== null && worth !== undefined) d.worth.push(worth);
    if (setbackEntry || outcome === 'setback') d.setback = true;
    if (outcome === 'progress') d.progress = true;
  };
  for (const e of doc.entries) note(e.occurred_at, e.self_worth, e.outcome, e.kind === 'setback');
  for (const r of REFLECTIONS) note(noonUtc(r.daysAgo), r.worth, r.outcome, false);
  for (const s of SETBACKS) note(noonUtc(s.daysAgo), null, null, true);
  const groups = { setback: [], progress: [] };
  for (const d of days.values()) {
    if (d.worth.length === 0) continue;
    const mean = d.worth.reduce((a, b) => a + b, 0) / d.worth.length;
    if (d.setback) groups.setback.push(mean);
    else if (d.progress) groups.progress.push(mean);
  }
  const avg = (xs) => two(xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    setback: { mean: avg(groups.setback), days: groups.setback.length },
    progress: { mean: avg(groups.progress), days: groups.progress.length },
  };
}

let app;
let driver;

/** A journal set up and filled with the CLI, before the app starts. */
function prepare(dataDir) {
  const cli = path.join(root, 'target', 'debug', 'ballast');
  const env = { ...process.env, BALLAST_PASSPHRASE: PASSPHRASE };
  const run = (args, input) =>
    execFileSync(cli, ['--data-dir', dataDir, ...args], { env, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'inherit'] });
  run(['init']);
  for (const r of REFLECTIONS) {
    run([
      'add', '--occurred-at', noonUtc(r.daysAgo), '--self-worth', String(r.worth), '--mood', String(r.mood),
      '--outcome', r.outcome, '--push-patience', String(r.push), '--worth-tied-to-outcomes', String(r.tied),
    ]);
  }
  for (const s of SETBACKS) {
    run(['add-setback', '--json', '-'], JSON.stringify({ occurred_at: noonUtc(s.daysAgo), setback_type: s.setback_type, mood: s.mood }));
  }
  sampleFile = `${dataDir}.sample.json`;
  const end = new Date(Date.now() - SAMPLE_END_DAYS_AGO * DAY_MS).toISOString().slice(0, 10);
  execFileSync(cli, ['sample-data', '--days', '365', '--seed', '11', '--end', end, '--out', sampleFile], { stdio: 'ignore' });
  run(['import', sampleFile]);
  // Self-checks are dated now: a WHO-5 of 60 and the single item at 2.
  run(['check-in', 'who5', '--answers', '3,3,3,3,3']);
  run(['check-in', 'single_item_burnout', '--answers', '2']);
}

async function unlock() {
  await shown(driver, '#unlock-passphrase');
  await tabTo(driver, 'unlock-passphrase');
  await press(driver, PASSPHRASE, Key.ENTER);
}





async function isChecked(id) {
  return driver.executeScript(`const e = document.getElementById(${JSON.stringify(id)}); return !!e && e.checked;`);
}

/** Waits until the charts for `range` (a range's radio id without its prefix) are shown and
 * nothing is loading any more. */
async function loaded(range) {
  await driver.wait(
    () => driver.executeScript(
      `return !!document.querySelector('[data-testid="trends-content"][data-range=${JSON.stringify(range)}]')
        && !document.querySelector('[data-testid="trends-loading"]');`,
    ),
    30_000,
    `waiting for the charts of ${range}`,
  );
}

describe('Trends, end to end', { timeout: 600_000 }, () => {
  before(async () => {
    app = await launch({ prepare });
    driver = app.driver;
  }, { timeout: 300_000 });
  after(async () => {
    if (app) await app.stop();
  });

  it('opens Trends from the journal with the keyboard, on the last 90 days, with the coupling in words', async () => {
    await unlock();
    await shown(driver, '[data-testid="trends-open"]');
    await activate(driver, 'trends-open');
    await driver.wait(
      () => driver.executeScript('const h = document.querySelector("main h1"); return !!h && h.textContent.trim() === "Trends";'),
      10_000,
      'waiting for the Trends screen',
    );
    assert.equal(await textOf(driver, 'main h1'), 'Trends', 'one heading names the screen');
    await driver.wait(
      () => driver.executeScript('return document.activeElement && document.activeElement.tagName === "H1";'),
      5_000,
      'focus moves to the heading on arrival',
    );
    await loaded('days90');
    assert.equal(await driver.executeScript('return document.querySelectorAll("h1").length;'), 1, 'exactly one h1');
    assert.ok(await isChecked('trends-range-days90'), '"Last 90 days" is chosen at first');
    const legend = await textOf(driver, 'fieldset legend');
    assert.match(legend, /Which days to show/, 'the range picker is a labelled group');

    const panel = await textOf(driver, '[data-testid="coupling-panel"]');
    assert.match(panel, /Self-worth and how the people you support are doing/, 'the panel has its heading');
    const words = await textOf(driver, '[data-testid="coupling-words"]');
    assert.match(words, /\b3\b/, `the sentence from Rust gives the setback-day mean (${words})`);
    assert.match(words, /\b8\b/, `and the progress-day mean (${words})`);
    assert.equal(await textOf(driver, '[data-testid="coupling-setback"]'), 'Days with a setback: self-worth averaged 3 out of 10, over 4 days.',
      'four setback days at 3 (one of them only a logged setback)');
    assert.equal(await textOf(driver, '[data-testid="coupling-progress"]'), 'Days with progress: self-worth averaged 8 out of 10, over 4 days.',
      'four progress days at 8');
    assert.equal(await textOf(driver, '[data-testid="coupling-neither"]'), 'Other days: self-worth averaged 5 out of 10, over 2 days.',
      'two other days at 5');
    assert.doesNotMatch(await pageText(driver), UNKIND, 'no guilt or diagnosis words on Trends');
    await axe(driver, 'trends');
    await screenshot(driver, '26-trends');
  });

  it('draws every chart with its heading, its SVG in the shipped font and its summary', async () => {
    const ids = await driver.executeScript('return [...document.querySelectorAll(\'section[data-testid="chart"]\')].map((s) => s.dataset.chart);');
    assert.deepEqual(ids, CHART_IDS, 'every chart, in order');
    const headings = await textsOf(driver, 'section[data-testid="chart"] > h2');
    assert.equal(headings.length, CHART_IDS.length, 'each chart has an h2');
    for (const [i, h] of headings.entries()) assert.ok(h.length > 0, `the heading of ${CHART_IDS[i]} is not empty`);
    assert.match(headings[0], /ProQOL 5/, 'the ProQOL 5 chart is named');
    assert.match(headings[2], /WHO-5/, 'the WHO-5 chart is named');
    assert.match(headings[4], /[Mm]ood/, 'the mood chart is named');
    const levels = await driver.executeScript('return [...document.querySelectorAll("main h1, main h2, main h3")].map((h) => h.tagName);');
    assert.equal(levels[0], 'H1', 'the page starts with its h1');
    assert.ok(levels.slice(1).every((t) => t === 'H2'), `then only h2s, none skipped (${levels.join(' ')})`);

    const figures = await driver.executeScript(`
      return [...document.querySelectorAll('section[data-testid="chart"]')].map((s) => {
        const svg = s.querySelector('figure svg');
        const caption = s.querySelector('figure figcaption');
        const box = svg ? svg.getBoundingClientRect() : null;
        const column = s.querySelector('figure').getBoundingClientRect();
        const vb = svg && svg.viewBox.baseVal;
        return {
          id: s.dataset.chart,
          svg: !!svg,
          role: svg ? svg.getAttribute('role') : null,
          title: svg && svg.querySelector('title') ? svg.querySelector('title').textContent.trim() : '',
          caption: caption ? caption.textContent.trim() : '',
          width: box ? box.width : 0,
          height: box ? box.height : 0,
          column: column.width,
          ratio: vb && vb.width ? vb.height / vb.width : 0,
        };
      });`);
    for (const f of figures) {
      assert.ok(f.svg, `the ${f.id} figure contains an <svg>`);
      assert.equal(f.role, 'img', `the ${f.id} SVG is an image to assistive technology`);
      assert.ok(f.title.length > 0, `the ${f.id} SVG has a <title>`);
      assert.ok(f.caption.length > 0, `the ${f.id} figure has its summary as a caption`);
      assert.ok(f.width > 100 && f.width <= f.column + 1, `the ${f.id} SVG fits its column (${f.width} of ${f.column})`);
      assert.ok(Math.abs(f.height / f.width - f.ratio) < 0.02, `the ${f.id} SVG keeps its proportions (${f.width}×${f.height})`);
    }

    const font = await driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      const text = document.querySelector('section[data-testid="chart"] svg text');
      document.fonts.load('12px Inter').then(
        (faces) => done({ loaded: faces.length, family: text ? getComputedStyle(text).fontFamily : '' }),
        (e) => done({ loaded: 0, family: String(e) }),
      );`);
    assert.ok(font.loaded >= 1, 'Inter loads from the app itself (the CSP allows it)');
    assert.match(font.family, /Inter/, `chart text is set in Inter (${font.family})`);
  });

  it("opens a chart's numbers from the keyboard as a table", async () => {
    // The coupling chart's numbers are the panel's, worked out by hand from the seed.
    assert.equal(await driver.executeScript('return document.getElementById("chart-coupling-numbers").hidden;'), true, 'the numbers start hidden');
    await tabTo(driver, 'numbers-coupling');
    assert.equal(await driver.executeScript('return document.getElementById("numbers-coupling").getAttribute("aria-expanded");'), 'false', 'the button says it is closed');
    await press(driver, Key.ENTER);
    await shown(driver, '#chart-coupling-table');
    assert.equal(await driver.executeScript('return document.getElementById("numbers-coupling").getAttribute("aria-expanded");'), 'true', 'and then that it is open');
    assert.match(await textOf(driver, '#chart-coupling-table caption'), /numbers behind/i, 'the table has a caption');
    const heads = await driver.executeScript('return [...document.querySelectorAll("#chart-coupling-table thead th")].map((th) => [th.textContent.trim(), th.getAttribute("scope")]);');
    assert.ok(heads.length >= 2, 'the table has column headings');
    assert.ok(heads.every(([text, scope]) => text.length > 0 && scope === 'col'), 'every heading is a named column heading');
    const rows = await driver.executeScript('return [...document.querySelectorAll("#chart-coupling-table tbody tr")].map((tr) => [...tr.children].map((td) => td.textContent.replace(/\\s+/g, " ").trim()));');
    assert.equal(rows.length, 3, 'one row each for setback, progress and other days');
    assert.ok(rows.every((r) => r.length === heads.length), 'every row has a cell under each heading');
    const [setback, progress, other] = rows.map((r) => r.join(' | '));
    assert.match(setback, /setback/i, `setback days first (${setback})`);
    assert.match(setback, /\b4\b/, `4 setback days (${setback})`);
    assert.match(setback, /\b3\b/, `averaging 3 (${setback})`);
    assert.match(progress, /progress/i, `then progress days (${progress})`);
    assert.match(progress, /\b4\b/, `4 progress days (${progress})`);
    assert.match(progress, /\b8\b/, `averaging 8 (${progress})`);
    assert.match(other, /\b2\b/, `2 other days (${other})`);
    assert.match(other, /\b5\b/, `averaging 5 (${other})`);
    await axe(driver, 'trends with a table open');
    await screenshot(driver, '27-trends-numbers');
  });

  it('reloads for "Everything": a year of varied data, with the means the seed implies', async () => {
    const before = await textOf(driver, '[data-testid="trends-range-words"]');
    await tabTo(driver, 'trends-range-days90');
    for (let i = 0; i < 6 && (await focused(driver)) !== 'trends-range-all'; i += 1) {
      await press(driver, Key.ARROW_DOWN);
    }
    assert.equal(await focused(driver), 'trends-range-all', '"Everything" can be reached with the arrow keys');
    if (!(await isChecked('trends-range-all'))) await press(driver, Key.SPACE);
    assert.ok(await isChecked('trends-range-all'), '"Everything" is chosen from the keyboard');
    await loaded('all');
    assert.notEqual(await textOf(driver, '[data-testid="trends-range-words"]'), before, 'the days shown now start earlier');
    // A year of varied data joins the hand seed: the means the import file implies, worked out above.
    const want = expectedEverything();
    assert.ok(want.setback.days > 20 && want.progress.days > 20, 'the year of sample data has many days of each kind');
    assert.equal(await textOf(driver, '[data-testid="coupling-setback"]'),
      `Days with a setback: self-worth averaged ${want.setback.mean} out of 10, over ${want.setback.days} days.`,
      'the setback days of the whole journal, as the seed implies');
    assert.equal(await textOf(driver, '[data-testid="coupling-progress"]'),
      `Days with progress: self-worth averaged ${want.progress.mean} out of 10, over ${want.progress.days} days.`,
      'the progress days of the whole journal, as the seed implies');
    assert.equal((await textsOf(driver, 'section[data-testid="chart"] > h2')).length, CHART_IDS.length, 'every chart again');
    assert.doesNotMatch(await pageText(driver), UNKIND, 'no guilt or diagnosis words on Trends');
    await axe(driver, 'trends, everything');
    await screenshot(driver, '28-trends-everything');

    await activate(driver, 'back');
    await shown(driver, '[data-testid="new-reflection"]');
  });
});
