// Search, people and tags in the real app, with the keyboard alone: a setback and a Gibbs-cycle
// reflection written in the app's own forms (beside a few seeded with the CLI); `/` and Ctrl+F bring the cursor
// to search; part of a word finds both, with the match marked; a filter by person code narrows them;
// a result opens the entry and Escape comes back to the same results, the opened one focused; a
// person's view shows their way over time; renaming the code changes it everywhere (the person
// list, the results, the entry); a tag's entries open from the tag list. axe-core runs on each new
// screen. "On this day" is off until turned on in Settings, then shows the entry from a year ago.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axe, chooseRadio, focused, Key, launch, openMore, press, screenshot, shown, tabTo, activate, textOf, textsOf, eventually, valueOf, seedWithCli, unlock } from './harness.mjs';

const PASSPHRASE = 'harbour lantern quietly';
const UNKIND = /overdue|missed|streak|diagnosed|disorder|failed|you should/i;
let app;
let driver;

/** Noon on today's local date a year ago (four years ago on 29 February), as RFC 3339. */
function sameDateYearsAgo() {
  const now = new Date();
  const leapDay = now.getMonth() === 1 && now.getDate() === 29;
  return new Date(now.getFullYear() - (leapDay ? 4 : 1), now.getMonth(), now.getDate(), 12).toISOString();
}

/** Three seeded entries: two with K2 (one tagged), one more with R7 that says nothing of housing,
 * and one from today's date a year ago (for "On this day"). */
function prepare(dataDir) {
  const add = ({ at, code, outcome, push, tag, text }) => [
    'add', '--occurred-at', at, '--person-code', code, '--outcome', outcome, '--text', text,
    ...(push === undefined ? [] : ['--push-patience', String(push)]), ...(tag ? ['--tag', tag] : []),
  ];
  seedWithCli(
    dataDir,
    PASSPHRASE,
    add({ at: '2026-10-01T12:00:00Z', code: 'K2', outcome: 'no_change', push: -1, tag: 'benefits', text: 'Forms at the benefits office; she wanted to stop.' }),
    add({ at: '2026-10-15T12:00:00Z', code: 'K2', outcome: 'progress', push: 0, text: 'She filled in the first page herself.' }),
    add({ at: '2026-10-20T12:00:00Z', code: 'R7', outcome: 'progress', text: 'A quiet walk by the canal.' }),
    ['add', '--occurred-at', sameDateYearsAgo(), '--text', 'Tea with the team after the long meeting.'],
  );
}

async function typeInto(id, words) {
  await tabTo(driver, id);
  await press(driver, words);
}

/** Replaces what is in the search box, as a person selecting it all and typing over it would. */
async function retype(words) {
  await tabTo(driver, 'search-text');
  await driver.executeScript("document.getElementById('search-text').select();");
  await press(driver, words === '' ? Key.BACK_SPACE : words);
}

/** The People table, a row of cell texts a code. */
async function cells() {
  await shown(driver, '[data-testid="people-table"]');
  return driver.executeScript("return [...document.querySelectorAll('[data-testid=people-table] tbody tr')].map((r) => [...r.cells].map((c) => c.textContent.replace(/\\s+/g, ' ').trim()));");
}

async function results() {
  return textsOf(driver, '[data-testid="search-result"]');
}

async function waitForResults(n, message) {
  await eventually(driver, async () => (await results()).length === n, message);
}

describe('Search, people and tags', { timeout: 300_000 }, () => {
  before(async () => {
    app = await launch({ prepare });
    driver = app.driver;
    await unlock(driver, PASSPHRASE);
  });
  after(async () => {
    if (app) await app.stop();
  });

  it('writes a setback and a reflection in the app', async () => {
    assert.equal(await driver.executeScript('return !!document.querySelector("[data-testid=on-this-day-section]")'), false, '"On this day" is off by default');
    await activate(driver, 'new-setback');
    await shown(driver, '#setback-what-happened');
    await chooseRadio(driver, 'setback-type', 'hospital_admission');
    await typeInto('setback-person-code', 'R7');
    await typeInto('setback-what-happened', 'Readmitted to hospital after the housing move fell through');
    await activate(driver, 'save');
    await eventually(driver, async () => (await textsOf(driver, '[data-testid="entry-row"]')).length === 5, 'the setback is saved');

    await activate(driver, 'new-reflection');
    await shown(driver, '#reflection-text');
    await openMore(driver);
    await eventually(driver, async () => (await driver.executeScript("return document.querySelectorAll('#reflection-template option').length")) === 8, 'the eight templates are offered');
    await tabTo(driver, 'reflection-template');
    // A native select: chosen from the keyboard by typing the start of its name ("A deeper look").
    await press(driver, 'A deeper');
    await eventually(driver, async () => (await valueOf(driver, 'reflection-template')) === 'gibbs', 'Gibbs’ cycle is chosen from the keyboard');
    await shown(driver, '#answer-description');
    assert.match(await textOf(driver, '[data-testid="template-about"]'), /Gibbs/, 'the template names its model');
    await axe(driver, 'reflection form with a template');
    await screenshot(driver, '45-gibbs-reflection');
    await typeInto('answer-description', 'Visited the new housing together; a long wait, then a yes.');
    await typeInto('answer-feelings', 'Relieved, and tired');
    await typeInto('reflection-person-code', 'R7');
    await typeInto('reflection-tags', 'housing');
    await activate(driver, 'save');
    await eventually(driver, async () => (await textsOf(driver, '[data-testid="entry-row"]')).length === 6, 'the Gibbs reflection is saved');
  });

  it('finds both by typing part of a word, with the match marked', async () => {
    await shown(driver, '[data-testid="new-reflection"]');
    await driver.executeScript('document.activeElement?.blur(); document.body.focus();');
    await press(driver, '/');
    await shown(driver, '#search-text');
    await eventually(driver, async () => (await focused(driver)) === 'search-text', '/ puts the cursor in the search box');
    await axe(driver, 'search, empty');
    await press(driver, 'hous');
    await waitForResults(2, 'part of a word finds the setback and the reflection');
    const marked = await textsOf(driver, '[data-testid="search-result"] mark');
    assert.ok(marked.length >= 2 && marked.every((m) => /^hous/i.test(m)), `the matched words are marked: ${marked}`);
    assert.match(await textOf(driver, '[data-testid="search-found"]'), /2 entries found/, 'the status says how many');
    const text = (await results()).join(' ');
    assert.ok(/Setback/.test(text) && /Reflection/.test(text), 'both kinds are found');
    assert.doesNotMatch(text, UNKIND, 'calm words only');
    await axe(driver, 'search results');
    await screenshot(driver, '41-search-results');
  });

  it('finds a template answer and opens it with its prompts', async () => {
    await retype('relieve');
    await waitForResults(1, 'an answer to a Gibbs prompt is found');
    await tabTo(driver, 'search-result');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="edit"]');
    const entry = await textOf(driver, 'dl');
    assert.match(entry, /Written with A deeper look \(Gibbs' cycle\)/, `the entry names its template: ${entry}`);
    assert.match(entry, /What were you thinking and feeling at the time\? Relieved, and tired/, 'each prompt with its answer');
    await axe(driver, 'a templated entry');
    await press(driver, Key.ESCAPE);
    await shown(driver, '#search-text');
  });

  it('narrows by person code, and any query text is only text', async () => {
    await retype('forms');
    await waitForResults(1, 'one entry holds "forms"');
    await tabTo(driver, 'search-filters');
    const open = await driver.executeScript('return document.querySelector("details").open;');
    if (!open) await press(driver, Key.ENTER);
    await tabTo(driver, 'search-code');
    await driver.executeScript(`const s = document.getElementById('search-code'); s.value = 'R7'; s.dispatchEvent(new Event('change', { bubbles: true }));`);
    await waitForResults(0, 'R7 never wrote of forms');
    assert.match(await textOf(driver, '[data-testid="search-found"]'), /Nothing found/, 'said calmly');
    await retype('');
    await waitForResults(3, 'with no words, the filter alone shows R7’s three entries');
    for (const hostile of ['"', 'NEAR(', 'a AND', 'text:x', '((*']) {
      await retype(hostile);
      await driver.sleep(300);
      assert.equal(await driver.executeScript('return document.querySelectorAll("[role=alert]").length'), 0, `${hostile} is searched as text, no error`);
    }
    await retype('canal');
    await waitForResults(1, 'a word of the seeded entry');
    await axe(driver, 'search with a filter');
  });

  it('opens a result, and Escape comes back to the same results with it focused', async () => {
    await tabTo(driver, 'search-result');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="edit"]');
    await press(driver, Key.ESCAPE);
    await shown(driver, '#search-text');
    assert.equal(await valueOf(driver, 'search-text'), 'canal', 'the words are kept');
    assert.equal(await valueOf(driver, 'search-code'), 'R7', 'and the filter');
    await waitForResults(1, 'and the results');
    await eventually(driver, async () => (await focused(driver)) === 'search-result', 'the opened result has the focus again');
    await activate(driver, 'search-clear-filters');
    await activate(driver, 'back');
    await shown(driver, '[data-testid="new-reflection"]');
    // Held down and let go as a person does (WebKitWebDriver drops Control from a chord of a letter).
    await driver.actions().keyDown(Key.CONTROL).sendKeys('f').keyUp(Key.CONTROL).perform();
    await eventually(driver, async () => (await focused(driver)) === 'search-text', 'Ctrl+F puts the cursor in the search box');
    await activate(driver, 'back');
  });

  it('shows a person over time, and renames their code everywhere', async () => {
    await activate(driver, 'people-open');
    await shown(driver, '[data-testid="people-table"]');
    const table = await cells();
    assert.deepEqual(table.map((r) => r[0]), ['R7', 'K2'], 'the codes, the most recently seen first');
    assert.equal(table[0][1], '3 (1 setback logged)', 'R7: three entries, one a logged setback');
    assert.deepEqual(table[1].slice(1, 2).concat(table[1].slice(4)), ['2', 'Progress 1, no change 1'], 'K2: two entries and their outcomes');
    await axe(driver, 'people and tags');
    await screenshot(driver, '42-people');
    await tabTo(driver, 'person-open');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="person-way"]');
    const way = await textsOf(driver, '[data-testid="person-step"]');
    assert.equal(way.length, 3, 'R7’s three entries');
    assert.match(way[0], /canal/, 'oldest first');
    assert.match(way.join(' '), /Hospital admission/, 'the setback says its kind');
    await axe(driver, 'one person over time');
    await screenshot(driver, '43-person');

    await typeInto('code-new', 'Q9');
    await activate(driver, 'code-rename-save');
    await eventually(driver, async () => /Q9/.test(await textOf(driver, 'h1')), 'the view follows the new code');
    assert.match(await textOf(driver, '[data-testid="person-said"]'), /R7 is now Q9, on 3 entries/, 'what changed is said');
    await activate(driver, 'back');
    assert.deepEqual((await cells()).map((r) => r[0]), ['Q9', 'K2'], 'the list has the new code only');
    await activate(driver, 'back');
    await press(driver, '/');
    await shown(driver, '#search-text');
    await press(driver, 'housing');
    await waitForResults(2, 'found again');
    assert.ok((await results()).every((r) => /With Q9/.test(r)), 'the results show the new code');
    await tabTo(driver, 'search-result');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="edit"]');
    const shownEntry = await textOf(driver, 'dl');
    assert.match(shownEntry, /Q9/, 'the entry has the new code');
    await press(driver, Key.ESCAPE);
    await shown(driver, '#search-text');
    await activate(driver, 'back');
  });

  it('shows a tag’s entries from the tag list', async () => {
    await activate(driver, 'people-open');
    await shown(driver, '[data-testid="tag-row"]');
    const tags = await textsOf(driver, '[data-testid="tag-row"]');
    assert.equal(tags.length, 2, 'two tags');
    await tabTo(driver, 'tag-show');
    await press(driver, Key.ENTER);
    await shown(driver, '#search-text');
    await waitForResults(1, 'the tag’s one entry');
    assert.notEqual(await valueOf(driver, 'search-tag'), '', 'the tag filter is on');
  });

  it('shows "On this day" once it is turned on in Settings', async () => {
    await activate(driver, 'back');
    await activate(driver, 'settings');
    await tabTo(driver, 'on-this-day');
    await press(driver, Key.SPACE);
    await eventually(driver, async () => /On\./.test(await textOf(driver, 'main')), 'turning it on is saved and said');
    await activate(driver, 'back');
    await shown(driver, '[data-testid="on-this-day-section"]');
    const section = await textOf(driver, '[data-testid="on-this-day-section"]');
    assert.match(section, /years? ago/, `how long ago is said: ${section}`);
    assert.match(section, /Tea with the team/, 'with the entry from that date');
    assert.equal((await textsOf(driver, '[data-testid="earlier-row"]')).length, 1, 'and no entry of another date');
    await axe(driver, 'journal with On this day');
    await screenshot(driver, '44-on-this-day');
  });
});
