// The idle timer behind auto-lock: any activity re-arms it; when it runs out, `onIdle` runs once.

export type Timers = {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
};

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Tests may shorten the wait by setting `window.__BALLAST_IDLE_MS__` before activity. */
export function idleOverride(): number | null {
  const w = globalThis as { __BALLAST_IDLE_MS__?: unknown };
  return typeof w.__BALLAST_IDLE_MS__ === 'number' ? w.__BALLAST_IDLE_MS__ : null;
}

export class IdleTimer {
  private handle: unknown = null;
  private stopped = true;

  constructor(
    private readonly waitMs: () => number,
    private readonly onIdle: () => void,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Starts (or restarts) the wait. */
  arm(): void {
    this.stopped = false;
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = this.timers.set(() => {
      this.handle = null;
      if (!this.stopped) {
        this.stopped = true;
        this.onIdle();
      }
    }, this.waitMs());
  }

  /** Activity: re-arms only while running. */
  touch(): void {
    if (!this.stopped) this.arm();
  }

  /** Stops waiting (while locked). */
  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }
}

/** Tells Rust of activity at most once every `everyMs`, the last activity of a burst included,
 * so Rust's idle deadline (kept by the wall clock) follows the worker without a call a keystroke. */
export class ActivityNotice {
  private last = -Infinity;
  private handle: unknown = null;

  constructor(
    private readonly notify: () => void,
    private readonly now: () => number = () => Date.now(),
    private readonly timers: Timers = realTimers,
    private readonly everyMs = 30_000,
  ) {}

  touch(): void {
    const since = this.now() - this.last;
    if (since >= this.everyMs) {
      this.last = this.now();
      this.notify();
    } else if (this.handle === null) {
      this.handle = this.timers.set(() => {
        this.handle = null;
        this.last = this.now();
        this.notify();
      }, this.everyMs - since);
    }
  }

  stop(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }
}
