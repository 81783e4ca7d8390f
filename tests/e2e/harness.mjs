// The end-to-end harness: starts tauri-driver (which starts WebKitWebDriver and the real Ballast
// binary) with a fresh data directory, and gives the tests keyboard, axe-core and screenshot helpers.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { Builder, By, Key, until } from 'selenium-webdriver';

export { By, Key, until };

export const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = path.join(root, 'docs', 'screenshots');
const PORT = 4444;

function waitForPort(port, ms) {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => { s.end(); resolve(); });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > deadline) reject(new Error(`tauri-driver did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** Sets a journal up in `dataDir` with the CLI (`init`), then runs each of `commands` (argument
 * lists) on it, all with `passphrase`: the seed a test's `prepare` writes before the app starts. */
export function seedWithCli(dataDir, passphrase, ...commands) {
  const cli = path.join(root, 'target', 'debug', 'ballast');
  const env = { ...process.env, BALLAST_PASSPHRASE: passphrase };
  for (const args of [['init'], ...commands]) execFileSync(cli, ['--data-dir', dataDir, ...args], { env, stdio: 'ignore' });
}

/** WebKitWebDriver's screenshots stall (after a few on a tall page, or at the first) when the
 * DMA-BUF renderer is off, though the window itself keeps painting (an X capture of the screen
 * showed it). Ballast turns that renderer off (src-tauri/src/renderer.rs), so the suite starts it
 * with the renderer on, for its screenshots; `lean: true` starts it as the worker gets it. */
const SCREENSHOTS_WORK = { WEBKIT_DISABLE_DMABUF_RENDERER: '0' };

/** Starts the real app on a new data directory, after `prepare(dataDir)` if given (`application`:
 * another build of it, such as the release one for the start-up probe; `env`: more environment;
 * `lean`: WebKit's setting left to Ballast, see above). */
export async function launch({ prepare, application = path.join(root, 'target', 'debug', 'ballast-desktop'), env = {}, lean = false } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ballast-e2e-'));
  if (prepare) prepare(dataDir);
  // Its own process group, and a log file rather than this process's pipes: whatever it starts is
  // stopped with it, and nothing left over can hold the test runner's output open.
  const log = openSync(`${dataDir}.driver.log`, 'w');
  const driverProcess = spawn('tauri-driver', ['--port', String(PORT)], {
    env: { ...process.env, ...(lean ? {} : SCREENSHOTS_WORK), ...env, BALLAST_DATA_DIR: dataDir },
    stdio: ['ignore', log, log],
    detached: true,
  });
  await waitForPort(PORT, 30_000);
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${PORT}/`)
    .withCapabilities({ browserName: 'wry', 'tauri:options': { application, args: ['--data-dir', dataDir] } })
    .build();
  await driver.manage().setTimeouts({ implicit: 0, script: 30_000 });
  const stop = async () => {
    try {
      await driver.quit();
    } finally {
      for (const signal of ['SIGTERM', 'SIGKILL']) {
        try { process.kill(-driverProcess.pid, signal); } catch { /* already gone */ }
        // The app itself, by its own data directory, in case it left the group.
        spawnSync('pkill', [`-${signal === 'SIGTERM' ? 'TERM' : 'KILL'}`, '-f', '--', `--data-dir ${dataDir}`]);
        await new Promise((r) => setTimeout(r, 300));
      }
      closeSync(log);
    }
  };
  return { driver, dataDir, stop };
}

/** The id (or data-testid) of the focused element. */
export async function focused(driver) {
  return ask(driver, 'const e = document.activeElement; return e ? (e.id || e.getAttribute("data-testid") || e.tagName.toLowerCase()) : "";');
}

/** Runs a script in the page. WebKitWebDriver now and then answers a script run while the page is
 * changing with a reply it cannot read ("Could not parse script result"); asked again a moment
 * later, it answers. */
async function ask(driver, script) {
  try {
    return await driver.executeScript(script);
  } catch (e) {
    if (!/Could not parse script result/.test(String(e?.message))) throw e;
    await new Promise((r) => setTimeout(r, 200));
    return driver.executeScript(script);
  }
}

/** Presses keys on whatever has focus, as a person at a keyboard would. */
export async function press(driver, ...keys) {
  await driver.actions().sendKeys(...keys).perform();
}

/**
 * Moves focus with Tab (or Shift+Tab) until the element with this id or data-testid has it, and
 * checks that focus is visible there. Fails when the element cannot be reached by keyboard.
 */
export async function tabTo(driver, target, { max = 60 } = {}) {
  for (const back of [false, true]) {
    if (await reach(driver, target, max, back)) return;
  }
  throw new Error(`${target} could not be reached with the keyboard (focus stayed on ${await focused(driver)})`);
}

async function reach(driver, target, max, back) {
  for (let i = 0; i < max; i += 1) {
    if ((await focused(driver)) === target) {
      const outline = await ask(
        driver,
        'const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow];',
      );
      assert.ok(
        (outline[0] !== 'none' && outline[1] >= 2) || (outline[2] && outline[2] !== 'none'),
        `focus on ${target} must be visible (outline ${outline.join(' / ')})`,
      );
      return true;
    }
    await press(driver, back ? Key.chord(Key.SHIFT, Key.TAB) : Key.TAB);
  }
  return false;
}

/** Chooses a radio in a group with the arrow keys, after reaching the group with Tab. */
export async function chooseRadio(driver, idPrefix, wanted) {
  const target = `${idPrefix}-${wanted}`;
  for (let i = 0; i < 80; i += 1) {
    const id = await focused(driver);
    if (id.startsWith(`${idPrefix}-`)) break;
    await press(driver, Key.TAB);
  }
  // Down through the group; where it stops at the last choice (WebKit does not wrap), back up.
  let arrow = Key.ARROW_DOWN;
  for (let i = 0; i < 24 && (await focused(driver)) !== target; i += 1) {
    const was = await focused(driver);
    await press(driver, arrow);
    if ((await focused(driver)) === was) arrow = Key.ARROW_UP;
  }
  assert.equal(await focused(driver), target, `${target} can be chosen with the arrow keys`);
  // Tab lands on a group's first radio without choosing it; Space chooses the focused one.
  if (!(await driver.executeScript(`return document.getElementById(${JSON.stringify(target)}).checked;`))) await press(driver, Key.SPACE);
  const checked = await driver.executeScript(`return document.getElementById(${JSON.stringify(target)}).checked;`);
  assert.ok(checked, `${target} is checked after the arrow keys reach it`);
}

/** Opens the reflection form's further questions ("More"), unless the worker's last choice left
 * them open already. */
export async function openMore(driver) {
  await shown(driver, '[data-testid="reflection-more"]');
  if ((await driver.executeScript('return document.querySelector(\'[data-testid="reflection-more"]\').getAttribute("aria-expanded");')) !== 'true') {
    await activate(driver, 'reflection-more');
  }
  await shown(driver, '#reflection-more-questions');
}

/** Unlocks from the lock screen with the keyboard (Tab to the passphrase, type it, Enter), waits
 * for Home, and goes on to the journal (where most tests start). */
export async function unlock(driver, passphrase) {
  await shown(driver, '#unlock-passphrase');
  await tabTo(driver, 'unlock-passphrase');
  await press(driver, passphrase, Key.ENTER);
  await shown(driver, '[data-testid="home"]');
  await toJournal(driver);
}

/** Goes to the journal from the navigation, with the keyboard. */
export async function toJournal(driver) {
  await activate(driver, 'journal-open');
  await shown(driver, '[data-testid="new-reflection"]');
}

/** Waits for an element by CSS selector to be displayed, and returns it. */
export async function shown(driver, css, ms = 15_000) {
  const el = await driver.wait(until.elementLocated(By.css(css)), ms, `waiting for ${css}`);
  await driver.wait(until.elementIsVisible(el), ms, `waiting for ${css} to be visible`);
  return el;
}

/** Runs axe-core with the WCAG 2.x A and AA rules on the current screen; fails on any violation. */
export async function axe(driver, screen) {
  await driver.executeScript(axeSource);
  const raw = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
      .then((r) => done(JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => (n.target.join(' ') + ': ' + (n.failureSummary || '')).slice(0, 300)) })))))
      .catch((e) => done(JSON.stringify([{ id: 'axe-error', help: String(e) }])));
  `);
  const violations = JSON.parse(raw);
  assert.deepEqual(violations, [], `axe-core reports WCAG A/AA violations on the ${screen} screen: ${JSON.stringify(violations, null, 1)}`);
}

/** Saves a PNG of the whole page (not only what the window shows) to docs/screenshots/NAME.png:
 * the window grows to the page's height (up to 4000 px) for the picture, then goes back. `width`
 * takes it at another window width (the two-column layout, say). */
export async function screenshot(driver, name, { width } = {}) {
  mkdirSync(path.dirname(path.join(shots, name)), { recursive: true });
  const win = driver.manage().window();
  const was = await win.getRect();
  if (width) await win.setRect({ width, height: was.height });
  const tall = await driver.executeScript('return Math.ceil(document.documentElement.scrollHeight);');
  const chrome = was.height - (await driver.executeScript('return window.innerHeight;'));
  const height = Math.min(4000, Math.max(was.height, tall + chrome));
  if (height !== was.height) await win.setRect({ width: width ?? was.width, height });
  await driver.wait(async () => (await driver.executeScript('return window.innerHeight;')) >= Math.min(tall, 4000 - chrome), 3000).catch(() => {});
  writeFileSync(path.join(shots, `${name}.png`), await driver.takeScreenshot(), 'base64');
  if (height !== was.height || width) await win.setRect({ width: was.width, height: was.height });
}

/** For a screen shown before the journal opens or after it is gone (nothing on it is drawn by
 * Rust, and its theme is the computer's): runs axe-core in each theme, set on the page as
 * theme.ts sets it, and keeps light and dark full-page screenshots as `screens/NAME-THEME`; then
 * puts the page's own theme back. */
export async function axeInEveryTheme(driver, name) {
  const was = await driver.executeScript('return document.documentElement.dataset.theme;');
  for (const theme of ['light', 'dark', 'contrast']) {
    await driver.executeScript(`document.documentElement.dataset.theme = ${JSON.stringify(theme)};`);
    await axe(driver, `${name} (${theme})`);
    if (theme !== 'contrast') await screenshot(driver, `screens/${name}-${theme}`);
  }
  await driver.executeScript(`document.documentElement.dataset.theme = ${JSON.stringify(was)};`);
}

/** textContent of the first match, whitespace folded (getText drops visually hidden text). */
export async function textOf(driver, css) {
  await shown(driver, css);
  return driver.executeScript(`return document.querySelector(${JSON.stringify(css)}).textContent.replace(/\\s+/g, ' ').trim();`);
}

/** textContent of every match, whitespace folded. */
export async function textsOf(driver, css) {
  return driver.executeScript(`return [...document.querySelectorAll(${JSON.stringify(css)})].map((e) => e.textContent.replace(/\\s+/g, ' ').trim());`);
}

/** The whole page's text, whitespace folded. */
export async function pageText(driver) {
  return driver.executeScript('return document.body.textContent.replace(/\\s+/g, " ");');
}

/** Presses a button (by id or data-testid) from the keyboard: Tab to it, then Enter. */
export async function activate(driver, target) {
  await tabTo(driver, target);
  await press(driver, Key.ENTER);
}

/** textContent of the first match right now (whitespace folded), or '' when there is none (for use
 * inside waits). */
export async function textNow(driver, css) {
  return driver.executeScript(`const e = document.querySelector(${JSON.stringify(css)}); return e ? e.textContent.replace(/\\s+/g, ' ').trim() : '';`);
}

/** Whether anything matches `css` right now. */
export async function exists(driver, css) {
  return driver.executeScript(`return !!document.querySelector(${JSON.stringify(css)});`);
}

/** The value of the input with this id. */
export async function valueOf(driver, id) {
  return driver.executeScript(`return document.getElementById(${JSON.stringify(id)}).value;`);
}

/** Waits until `check` (an async function) is true, then asserts it with `message`. */
export async function eventually(driver, check, message, ms = 10_000) {
  await driver.wait(check, ms, message).catch(() => {});
  assert.ok(await check(), message);
}

/** The process id of the app started on `dataDir`. */
export function appPid(dataDir) {
  return Number(execFileSync('pgrep', ['-n', '-f', `ballast-desktop.*--data-dir ${dataDir}`], { encoding: 'utf8' }).trim());
}

/** Every process under `pid`, itself included (WebKit's among them), with its program and its
 * environment (empty where /proc does not let it be read). */
export function processes(pid) {
  const rows = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0')[0];
      let environ = [];
      try { environ = readFileSync(`/proc/${name}/environ`, 'utf8').split('\0'); } catch { /* not ours */ }
      rows.push({ pid: Number(name), parent, cmd, environ });
    } catch { /* gone */ }
  }
  const out = rows.filter((r) => r.pid === pid);
  for (let i = 0; i < out.length; i += 1) out.push(...rows.filter((r) => r.parent === out[i].pid));
  return out;
}
