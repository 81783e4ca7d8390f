// The shell in the real app, by keyboard alone: the cursor starts in the passphrase field; a
// quick reflection (mood, self-worth, how the person did, a 40-character sentence, save) takes at
// most 50 key presses, counted by the page itself; the shortcuts work and never fire inside a text
// field; L locks; the theme is chosen in Settings and every theme passes axe-core.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activate, axe, chooseRadio, eventually, focused, Key, launch, press, screenshot, seedWithCli, shown, tabTo, textsOf } from './harness.mjs';

const PASSPHRASE = 'harbour lantern quietly';
const SENTENCE = 'A slow start, then a real talk together.';
let app;
let driver;

/** Counts every key the page receives from now on (trusted key presses only, modifiers too). */
async function startCounting() {
  await driver.executeScript(`
    window.__keys = 0;
    if (!window.__counting) {
      window.__counting = true;
      window.addEventListener('keydown', (e) => { if (e.isTrusted) window.__keys += 1; }, true);
    }`);
}
const counted = () => driver.executeScript('return window.__keys;');
const theme = () => driver.executeScript('return document.documentElement.dataset.theme;');

describe('the shell', { timeout: 300_000 }, () => {
  before(async () => {
    app = await launch({ prepare: (dir) => seedWithCli(dir, PASSPHRASE) });
    driver = app.driver;
  });
  after(async () => {
    if (app) await app.stop();
  });

  it('starts the cursor in the passphrase field on unlock, and then in Home\'s quick reflection', async () => {
    await shown(driver, '#unlock-passphrase');
    await eventually(driver, async () => (await focused(driver)) === 'unlock-passphrase', 'the passphrase field has the cursor without a Tab');
    await press(driver, PASSPHRASE, Key.ENTER);
    await shown(driver, '[data-testid="home"]');
    await eventually(driver, async () => (await focused(driver)) === 'reflection-mood', 'Home opens with the cursor on mood, ready for a quick reflection');
    await axe(driver, 'home with the navigation');
  });

  it('records a quick reflection on Home in at most 50 key presses, the sentence included, and Home shows it', async () => {
    assert.equal(SENTENCE.length, 40, 'the sentence is 40 characters, as the issue counts');
    await startCounting();
    await press(driver, '6', Key.TAB, '7', Key.TAB);
    assert.equal(await focused(driver), 'reflection-outcome-setback', 'Tab reaches how the person did, the third question');
    await press(driver, Key.ARROW_RIGHT, Key.ARROW_RIGHT);
    assert.equal(await focused(driver), 'reflection-outcome-progress', 'two arrows choose Progress');
    await press(driver, Key.TAB);
    assert.equal(await focused(driver), 'reflection-text', 'the sentence is next: "Clear this answer" is out of the Tab order');
    await press(driver, SENTENCE);
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.ENTER).keyUp(Key.CONTROL).perform();
    await shown(driver, '[data-testid="home-saved"]');
    const keys = await counted();
    console.log(`quick reflection: ${keys} key presses`);
    assert.ok(keys <= 50, `a quick reflection takes at most 50 key presses (took ${keys})`);
    const rows = await textsOf(driver, '[data-testid="home-entry"]');
    assert.equal(rows.length, 1, 'Ctrl+Enter saved it, and Home lists it under Today');
    assert.ok(rows[0].includes(SENTENCE) && rows[0].includes('Mood 6/10'), `today's entry holds what was typed (${rows[0]})`);
    assert.equal(await driver.executeScript("return document.getElementById('reflection-text').value;"), '', 'the quick form is empty again, ready for another');
    await axe(driver, 'home after a save');
    await screenshot(driver, '50-home');
    await screenshot(driver, '50-home-wide', { width: 1280 });
  });

  it('keeps the letters in a text field: N, S and L typed there are text', async () => {
    await driver.executeScript('document.activeElement && document.activeElement.blur();');
    await press(driver, 'n');
    await shown(driver, '#reflection-title');
    await eventually(driver, async () => (await focused(driver)) === 'reflection-mood', 'N opens a new reflection with the cursor on mood');
    await tabTo(driver, 'reflection-text');
    await press(driver, 'Nsl/?');
    assert.equal(await driver.executeScript("return document.getElementById('reflection-text').value;"), 'Nsl/?', 'every letter went into the field');
    assert.ok(await driver.executeScript("return !!document.getElementById('reflection-text');"), 'and the form is still there, not locked or left');
    await tabTo(driver, 'cancel');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="entry-row"]');
  });

  it('opens a setback with S, search with /, the shortcut list with ?, and locks with L', async () => {
    await driver.executeScript('document.activeElement && document.activeElement.blur();');
    await press(driver, 's');
    await shown(driver, '#setback-what-happened');
    await tabTo(driver, 'cancel');
    await press(driver, Key.ENTER);
    await shown(driver, '[data-testid="entry-row"]');
    await driver.executeScript('document.activeElement && document.activeElement.blur();');
    await press(driver, '/');
    await eventually(driver, async () => (await focused(driver)) === 'search-text', '/ opens search with the cursor in its box');
    await press(driver, Key.TAB);
    await press(driver, '?');
    await shown(driver, '[data-testid="shortcuts"]');
    await axe(driver, 'the shortcut list');
    await screenshot(driver, '47-shortcuts');
    await press(driver, Key.ESCAPE);
    await eventually(driver, async () => !(await driver.executeScript("return document.querySelector('[data-testid=shortcuts]').open;")), 'Escape closes the list');
    await driver.executeScript('document.activeElement && document.activeElement.blur();');
    await press(driver, 'l');
    await shown(driver, '#unlock-passphrase');
    assert.ok(!(await driver.executeScript('return document.body.textContent.includes("real talk together");')), 'L locked: none of the journal is left on the page');
    await press(driver, PASSPHRASE, Key.ENTER);
    await shown(driver, '[data-testid="home"]');
  });

  it('changes the theme from Settings and passes axe in each', async () => {
    assert.equal(await theme(), 'light', 'a system with no preference gets the light theme');
    for (const [choice, shot] of [['dark', '48-settings-dark'], ['contrast', '49-settings-contrast'], ['light', null]]) {
      await activate(driver, 'settings');
      await shown(driver, '#settings-theme-system');
      await chooseRadio(driver, 'settings-theme', choice);
      await eventually(driver, async () => (await theme()) === choice, `${choice} applies at once`);
      await axe(driver, `settings in the ${choice} theme`);
      if (shot) await screenshot(driver, shot);
      await activate(driver, 'journal-open');
      await shown(driver, '[data-testid="entry-row"]');
      await axe(driver, `journal in the ${choice} theme`);
      if (shot) await screenshot(driver, shot.replace('settings', 'journal'));
      await activate(driver, 'home-open');
      await shown(driver, '[data-testid="home-chart"] svg');
      const chartBg = await driver.executeScript("return document.querySelector('[data-testid=home-chart] svg rect').getAttribute('fill');");
      assert.equal(chartBg, { light: '#FFFFFF', dark: '#1C2423', contrast: '#000000' }[choice], `Home's chart is drawn in the ${choice} palette`);
      await axe(driver, `home in the ${choice} theme`);
      if (shot) await screenshot(driver, shot.replace('settings', 'home'));
    }
  });
});
