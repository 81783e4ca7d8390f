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
