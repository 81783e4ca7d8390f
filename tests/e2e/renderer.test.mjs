// The WebKit setting Ballast starts with on Linux (src-tauri/src/renderer.rs): the DMA-BUF renderer
// off, which keeps the whole process tree below a default minimal Tauri window's memory
// (docs/PERFORMANCE.md). The web process WebKit starts inherits Ballast's environment, so the
// setting is read back from its /proc environ, with the first screen painted as usual. (The rest
// of the suite starts Ballast with that renderer on, for WebKitWebDriver's screenshots: harness.mjs.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appPid, launch, processes, shown } from './harness.mjs';

let app;

describe('the WebKit setting Ballast starts with', { timeout: 120_000 }, () => {
  before(async () => {
    app = await launch({ lean: true });
  });
  after(async () => app?.stop());

  it('starts WebKit with the DMA-BUF renderer off, and paints its first screen', async () => {
    await shown(app.driver, '#setup-passphrase');
    const pid = appPid(app.dataDir);
    const web = processes(pid).filter((p) => p.cmd.endsWith('WebKitWebProcess'));
    assert.ok(web.length >= 1, 'WebKit runs its web process under Ballast');
    for (const p of web) {
      assert.ok(p.environ.includes('WEBKIT_DISABLE_DMABUF_RENDERER=1'), `the web process (pid ${p.pid}) runs with the DMA-BUF renderer off`);
    }
    // The page goes on drawing frames with it. (No WebDriver screenshot here: those stall with this
    // renderer, see harness.mjs; docs/screenshots/40-probe-trends-everything.png is taken with it.)
    const frames = await app.driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      let n = 0;
      const frame = () => { n += 1; if (n < 10) requestAnimationFrame(frame); else done(n); };
      requestAnimationFrame(frame);
      setTimeout(() => done(n), 5000);`);
    assert.equal(frames, 10, 'ten animation frames are drawn in turn within 5 s');
  });
});
