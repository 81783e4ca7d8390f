// Reminders in the real app, with the keyboard alone, against a stand-in for the desktop's
// notification service on a private D-Bus bus (notifications.mjs): reminders are off until turned
// on; a mistyped time is named at its field and keeps what was typed; a shift set to begin a
// minute from now, after the one entry was written, with its reminder a minute later, brings one
// notification whose words are the fixed ones and hold nothing from the journal, even though the
// journal was locked by then; and it comes once. Then the window is closed as a window manager
// closes it: with reminders on, the journal locks and Ballast goes on running with its window
// hidden, and starting Ballast again shows it, locked, saying why; with reminders off, closing
// the window locks and quits. The tray's menu, read and clicked over D-Bus as a panel does, holds
// Open, Lock and Quit and they do just that. axe-core runs on Settings with the week showing.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activate, appPid, axe, eventually, Key, launch, press, root, screenshot, seedWithCli, shown, tabTo, textOf, unlock, valueOf } from './harness.mjs';
import { notificationService } from './notifications.mjs';

const PASSPHRASE = 'harbour lantern quietly';
const WRITTEN = 'Kestrel lighthouse afternoon';
const DAY_IDS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
let app;
let driver;
let service;

/** Asks Ballast's window to close, as a window manager's close button does; says how many were asked. */
const closeWindow = () => Number(execFileSync(path.join(root, 'tests', 'e2e', 'close-window.py'), ['Ballast'], { encoding: 'utf8' }).trim());
const visibleWindows = () => spawnSync('xdotool', ['search', '--onlyvisible', '--name', '^Ballast$'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).length;
/** Whether the process is alive (not gone, and not a zombie waiting for its parent). */
const running = (pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};
const waitFor = async (check, ms) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 250));
  return check();
};

const hhmm = (d) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** Empties a field (as selecting it all and deleting would), then types into it from the keyboard. */
async function typeInto(id, words) {
  await driver.executeScript(`const e = document.getElementById(${JSON.stringify(id)}); e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true }));`);
  await tabTo(driver, id);
  await press(driver, words);
}

describe('Reminders', { timeout: 300_000 }, () => {
  before(async () => {
    service = await notificationService();
    app = await launch({
      prepare: (dir) => seedWithCli(dir, PASSPHRASE, ['add', '--text', WRITTEN, '--mood', '4', '--tag', 'nightshift']),
      env: { DBUS_SESSION_BUS_ADDRESS: service.address },
    });
    driver = app.driver;
    await unlock(driver, PASSPHRASE);
  });
  after(async () => {
    // The last test quits the app on purpose, so the driver may find it gone.
    if (app) await app.stop().catch(() => {});
    if (service) service.stop();
  });

  it('are off until turned on, and name a mistyped time at its field', async () => {
    await activate(driver, 'settings');
    await shown(driver, '[data-testid="reminders"]');
    assert.equal(await driver.executeScript(`return document.querySelector('[data-testid="reminders-on"]').checked;`), false, 'reminders start off');
    await tabTo(driver, 'reminders-on');
    await press(driver, Key.SPACE);
    // The shift begins at the start of the next minute, after the entry above was written.
    const starts = new Date(Date.now() + 60_000);
    starts.setSeconds(0, 0);
    const remind = new Date(starts.getTime() + 60_000);
    const day = DAY_IDS[starts.getDay()];
    await tabTo(driver, `shift-${day}`);
    await press(driver, Key.SPACE);
    await typeInto(`starts_${day}`, '25:00');
    await typeInto(`remind_${day}`, hhmm(remind));
    await activate(driver, 'save-reminders');
    await eventually(driver, async () => (await driver.executeScript(`return document.getElementById('starts_${day}').getAttribute('aria-invalid');`)) === 'true', 'the start time is marked');
    assert.match(await textOf(driver, `#starts_${day}-error`), /hours and minutes/, 'and says what a time looks like');
    assert.equal(await valueOf(driver, `starts_${day}`), '25:00', 'what was typed is kept');
    await axe(driver, 'settings, reminders with a mistyped time');

    await typeInto(`starts_${day}`, hhmm(starts));
    await activate(driver, 'save-reminders');
    await eventually(driver, async () => /^Kept\./.test(await textOf(driver, '[data-testid="reminders"] [role="status"]')), 'the choices are kept');
    await axe(driver, 'settings, reminders');
    await screenshot(driver, '51-reminders');
    app.remindAt = remind;
  });

  it('come as a notification with the fixed words, while the journal is locked, once', async () => {
    await press(driver, Key.ESCAPE);
    await driver.executeScript('document.activeElement && document.activeElement.blur();');
    await press(driver, 'l');
    await shown(driver, '#unlock-passphrase');
    const deadline = app.remindAt.getTime() + 45_000;
    while (service.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000));
    assert.equal(service.received.length, 1, `one notification by 45 s after the reminder time (${service.received.length})`);
    const [note] = service.received;
    assert.equal(note.summary, 'Ballast', 'its title is the app name');
    assert.equal(note.body, 'Time for your after-shift check-in', 'its words are the fixed ones');
    for (const held of [WRITTEN, 'Kestrel', 'nightshift', '4']) assert.ok(!`${note.summary} ${note.body}`.includes(held), `the notification holds nothing of the journal (${held})`);
    await new Promise((r) => setTimeout(r, 20_000));
    assert.equal(service.received.length, 1, 'the same shift is not reminded again');
  });

  it('closing the window with reminders on locks and keeps Ballast running; starting it again shows the window', async () => {
    await unlock(driver, PASSPHRASE);
    const pid = appPid(app.dataDir);
    assert.equal(closeWindow(), 1, "Ballast's window is asked to close");
    assert.ok(await waitFor(() => visibleWindows() === 0, 10_000), 'the window is hidden');
    assert.ok(running(pid), 'Ballast goes on running, for the reminders');
    // A second start tells the first, which shows its window (the single-instance plugin).
    const second = spawnSync(path.join(root, 'target', 'debug', 'ballast-desktop'), ['--data-dir', app.dataDir], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: service.address },
      timeout: 20_000,
    });
    assert.equal(second.status, 0, 'the second start hands over and ends');
    assert.ok(await waitFor(() => visibleWindows() === 1, 10_000), 'the window is shown again');
    await shown(driver, '#unlock-passphrase');
    assert.match(await textOf(driver, 'main'), /locked when its window was closed/, 'locked, and saying why');
    await axe(driver, 'unlock after the window was closed');
  });

  it("the tray's menu says only Open, Lock and Quit, and each does what it says", async () => {
    const menu = await service.tray.menu();
    assert.ok(menu, 'the tray icon registered with the panel');
    assert.deepEqual(menu.labels, ['Open Ballast', 'Lock', 'Quit'], 'the menu holds nothing of the journal');
    await unlock(driver, PASSPHRASE);
    assert.equal(closeWindow(), 1, "Ballast's window is asked to close");
    assert.ok(await waitFor(() => visibleWindows() === 0, 10_000), 'the window is hidden in the tray');
    await menu.click('Open Ballast');
    assert.ok(await waitFor(() => visibleWindows() === 1, 10_000), 'Open brings the window back');
    await unlock(driver, PASSPHRASE);
    await menu.click('Lock');
    await shown(driver, '#unlock-passphrase');
    await axe(driver, 'unlock after Lock in the tray');
  });

  it('closing the window with reminders off locks and quits', async () => {
    await unlock(driver, PASSPHRASE);
    await activate(driver, 'settings');
    await tabTo(driver, 'reminders-on');
    await press(driver, Key.SPACE);
    await activate(driver, 'save-reminders');
    await eventually(driver, async () => /Reminders are off/.test(await textOf(driver, '[data-testid="reminders"] [role="status"]')), 'reminders are turned off');
    const pid = appPid(app.dataDir);
    assert.equal(closeWindow(), 1, "Ballast's window is asked to close");
    assert.ok(await waitFor(() => !running(pid), 15_000), 'Ballast quits');
  });

  it("Quit in the tray's menu ends Ballast", async () => {
    await app.stop().catch(() => {});
    const before = service.tray.items.length;
    app = await launch({ env: { DBUS_SESSION_BUS_ADDRESS: service.address }, prepare: (dir) => seedWithCli(dir, PASSPHRASE) });
    await shown(app.driver, '#unlock-passphrase');
    const pid = appPid(app.dataDir);
    await eventually(app.driver, async () => service.tray.items.length > before, 'the new Ballast put its icon in the tray');
    await (await service.tray.menu()).click('Quit');
    assert.ok(await waitFor(() => !running(pid), 15_000), 'Quit ends Ballast');
  });
});
