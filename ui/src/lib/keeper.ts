// Keeping the open form as the worker types, so a lock that Rust makes on its own (the machine
// going to sleep, the idle deadline passing while the page was suspended) loses nothing: a change
// is kept a moment after typing pauses, and every keep or discard goes out in order, so a discard
// after a save is never overtaken by a keep still on its way.

import type { Timers } from './idle';

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** How long after the last change the form is kept. */
export const KEEP_AFTER_MS = 600;

export class DraftKeeper<D> {
  private pending: D | null = null;
  private handle: unknown = null;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly keep: (draft: D) => Promise<unknown>,
    private readonly discard: () => Promise<unknown>,
    private readonly timers: Timers = realTimers,
    private readonly afterMs = KEEP_AFTER_MS,
  ) {}

  /** The form changed: keep it shortly. */
  changed(draft: D): void {
    this.pending = draft;
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = this.timers.set(() => {
      this.handle = null;
      void this.flush();
    }, this.afterMs);
  }

  /** Keeps the latest change now (before a lock the window asks for). */
  flush(): Promise<unknown> {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
    const draft = this.pending;
    this.pending = null;
    if (draft !== null) this.chain = this.chain.then(() => this.keep(draft));
    return this.chain;
  }

  /** The form was saved or left: nothing more is kept, and what was kept is discarded. */
  done(): Promise<unknown> {
    this.forget();
    this.chain = this.chain.then(() => this.discard());
    return this.chain;
  }

  /** Drops any change not yet kept (the journal is already locked; it cannot be kept now). */
  forget(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
    this.pending = null;
  }
}
