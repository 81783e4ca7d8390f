// The first run, from set-up to the first reflection, by keyboard alone, in the dark and the
// high-contrast themes (journey.test.mjs walks it in the light one). Each comes from the computer,
// as for a worker who has never opened Settings: a GTK settings file of the test's own says the
// worker prefers dark (gtk-application-prefer-dark-theme), or uses GTK's HighContrast theme, which
// WebKit reports as prefers-contrast: more; so Ballast's very first screen is already in that
// theme. axe-core runs on every screen on the way.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activate, axe, eventually, focused, Key, launch, press, shown, tabTo, textsOf } from './harness.mjs';

const PASSPHRASE = 'harbour lantern quietly';
const theme = (driver) => driver.executeScript('return document.documentElement.dataset.theme;');

/** A GTK settings folder (for XDG_CONFIG_HOME) with this one setting. */
function gtkSaying(setting) {
  const config = mkdtempSync(path.join(tmpdir(), 'ballast-e2e-gtk-'));
  mkdirSync(path.join(config, 'gtk-3.0'), { recursive: true });
  writeFileSync(path.join(config, 'gtk-3.0', 'settings.ini'), `[Settings]\n${setting}\n`);
  return config;
}

/** Set-up, the recovery key and Home, by keyboard, checking the theme and axe on each. */
async function setUp(driver, wanted) {
  await shown(driver, '#setup-passphrase');
  await eventually(driver, async () => (await theme(driver)) === wanted, `the set-up screen is ${wanted}`);
  await axe(driver, `set-up (${wanted})`);
  await tabTo(driver, 'setup-passphrase');
  await press(driver, PASSPHRASE);
  await tabTo(driver, 'setup-confirm');
  await press(driver, PASSPHRASE);
  await activate(driver, 'set-up');
  await shown(driver, '#recovery-key');
  await axe(driver, `recovery key (${wanted})`);
  await tabTo(driver, 'recovery-kept');
  await press(driver, Key.SPACE);
  await activate(driver, 'continue');
  await shown(driver, '[data-testid="home"]');
}

/** The quick reflection on Home by keyboard, then Home lists it. */
async function firstReflection(driver, wanted) {
  await tabTo(driver, 'reflection-mood');
  await press(driver, '6', Key.TAB, '7', Key.TAB, Key.ARROW_RIGHT, Key.ARROW_RIGHT, Key.TAB);
  assert.equal(await focused(driver), 'reflection-text', 'mood, self-worth and how the person did, then the sentence');
  await press(driver, 'A first evening written down in Ballast');
  await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.ENTER).keyUp(Key.CONTROL).perform();
  await shown(driver, '[data-testid="home-saved"]');
  assert.equal((await textsOf(driver, '[data-testid="home-entry"]')).length, 1, `the first reflection is on Home (${wanted})`);
  assert.equal(await theme(driver), wanted, `still ${wanted}`);
  await axe(driver, `home after the first reflection (${wanted})`);
}

describe('the first run in each theme', { timeout: 300_000 }, () => {
  let app;
  after(async () => {
    if (app) await app.stop();
  });

  for (const [wanted, setting] of [['dark', 'gtk-application-prefer-dark-theme=1'], ['contrast', 'gtk-theme-name=HighContrast']]) {
    it(`is ${wanted} from the very first screen when the computer asks for it (${setting})`, async () => {
      app = await launch({ env: { XDG_CONFIG_HOME: gtkSaying(setting) } });
      await setUp(app.driver, wanted);
      await firstReflection(app.driver, wanted);
      await app.stop();
      app = null;
    });
  }
});
