// Every screen in every theme, by keyboard: a journal seeded with 90 days of sample entries and
// check-ins, then, in light, dark and high contrast (chosen in Settings, as the worker would),
// each screen and dialog is opened from the keyboard, axe-core runs on it (target size included:
// WCAG 2.2's 24×24 px), it must reflow without sideways scrolling at 200% zoom (the window at half
// its width, 640 CSS px), and in light and dark a full-page screenshot is kept in
// docs/screenshots/screens/.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activate, axe, chooseRadio, eventually, exists, launch, press, root, screenshot, shown, unlock } from './harness.mjs';

const PASSPHRASE = 'harbour lantern quietly';
const THEMES = ['light', 'dark', 'contrast'];
let app;
let driver;

function prepare(dataDir) {
  const cli = path.join(root, 'target', 'debug', 'ballast');
  const env = { ...process.env, BALLAST_PASSPHRASE: PASSPHRASE };
  const sample = `${dataDir}.sample.json`;
  execFileSync(cli, ['sample-data', '--days', '90', '--seed', '5', '--out', sample], { stdio: 'ignore' });
  execFileSync(cli, ['--data-dir', dataDir, 'init'], { env, stdio: 'ignore' });
  execFileSync(cli, ['--data-dir', dataDir, 'import', sample], { env, stdio: 'ignore' });
}

const heading = () => driver.executeScript(`const h = document.querySelector('main h1'); return h ? h.textContent.trim() : '';`);
const atHeading = (text) => eventually(driver, async () => (await heading()) === text, `the "${text}" screen shows`);
const via = (...steps) => async () => {
  for (const s of steps) await activate(driver, s);
};

async function startOrResume() {
  if (await exists(driver, '[data-testid="checkin-resume-who5"]')) return activate(driver, 'checkin-resume-who5');
  await activate(driver, 'checkin-start-who5');
  await shown(driver, '[data-testid="checkin-begin"]');
  await axe(driver, 'check-in instructions');
  await activate(driver, 'checkin-begin');
}

/** Each screen: how to reach it from the previous one by keyboard, and what says it is ready. */
const SCREENS = [
  { name: 'home', go: via('home-open'), ready: '[data-testid="home-chart"] svg' },
  { name: 'journal', go: via('journal-open'), ready: '[data-testid="entry-row"]' },
  { name: 'entry', go: via('entry-row'), ready: '[data-testid="edit"]' },
  { name: 'reflection-form', go: via('journal-open', 'new-reflection'), ready: '#reflection-text' },
  { name: 'setback-form', go: via('cancel', 'new-setback'), ready: '[data-testid="save"]' },
  { name: 'self-checks', go: via('cancel', 'check-ins-open'), ready: '[data-testid="measure-who5"]' },
  // The first time, the WHO-5 is started (its instructions, then the first question); it is left
  // unfinished, so later it is resumed.
  { name: 'check-in-question', go: startOrResume, ready: '[data-testid="checkin-progress"]' },
  { name: 'check-in-history', go: via('checkin-leave', 'checkin-history-who5'), ready: '[data-testid="check-in-row"]' },
  { name: 'check-in-result', go: via('check-in-open'), ready: '[data-testid="score"]' },
  { name: 'trends', go: via('trends-open'), ready: '[data-testid="chart"] svg' },
  { name: 'summary', go: via('summary-open'), ready: '[data-testid="summary-preview"][data-state="current"]' },
  { name: 'self-care-plan', go: via('plan-open'), ready: '[data-testid="plan-save"]' },
  { name: 'search', go: async () => { await activate(driver, 'search-open'); await press(driver, 'appointment'); }, ready: '[data-testid="search-result"]' },
  { name: 'people', go: via('people-open'), ready: '[data-testid="people-table"]' },
  { name: 'person', go: via('person-open'), ready: '[data-testid="person-way"]' },
  { name: 'settings', go: via('settings'), ready: '[data-testid="reminders"]' },
  { name: 'templates', go: via('templates-open'), ready: '[data-testid="template-row"]' },
  { name: 'backups', go: via('back', 'backups-open'), ready: '[data-testid="backup-row"]' },
  { name: 'your-data', go: via('back', 'data-open'), ready: '[data-testid="back"]' },
  { name: 'shortcuts', go: via('shortcuts-open'), ready: '[data-testid="shortcuts"][open]', leave: via('shortcuts-close') },
  { name: 'support', go: via('support-open'), ready: '[data-testid="support-panel"][open] [data-testid="support-list"]', leave: via('support-close') },
  { name: 'unlock', go: via('lock'), ready: '#unlock-passphrase', leave: () => unlock(driver, PASSPHRASE) },
];

/** No sideways scrolling at 200% zoom: the window at half its width shows every line whole. */
async function reflows(screen) {
  const win = driver.manage().window();
  const was = await win.getRect();
  await win.setRect({ width: 640, height: was.height });
  await eventually(driver, async () => (await driver.executeScript('return window.innerWidth;')) <= 640, 'the window is narrow');
  const [scroll, inner] = await driver.executeScript('return [document.documentElement.scrollWidth, window.innerWidth];');
  await win.setRect({ width: was.width, height: was.height });
  assert.ok(scroll <= inner, `${screen} reflows at 200% zoom: the page is ${scroll} px wide in a ${inner} px window`);
}

describe('every screen in every theme', { timeout: 900_000 }, () => {
  before(async () => {
    app = await launch({ prepare });
    driver = app.driver;
    await unlock(driver, PASSPHRASE);
  });
  after(async () => {
    if (app) await app.stop();
  });

  for (const theme of THEMES) {
    it(`in the ${theme} theme: axe-clean, reflowing at 200%, with screenshots`, async () => {
      await activate(driver, 'settings');
      await chooseRadio(driver, 'settings-theme', theme);
      await eventually(driver, async () => (await driver.executeScript('return document.documentElement.dataset.theme;')) === theme, `the ${theme} theme shows`);
      await atHeading('Settings');
      for (const s of SCREENS) {
        await s.go();
        await shown(driver, s.ready, 20_000);
        await axe(driver, `${s.name} (${theme})`);
        if (!s.leave) await reflows(`${s.name} (${theme})`);
        if (theme !== 'contrast') await screenshot(driver, `screens/${s.name}-${theme}`);
        if (s.leave) await s.leave();
      }
    });
  }
});
