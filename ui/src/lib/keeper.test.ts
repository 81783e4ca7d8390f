// The form kept as the worker types, in order, and activity told to Rust without a call a keystroke.
import { describe, expect, it } from 'vitest';
import { ActivityNotice, type Timers } from './idle';
import { DraftKeeper } from './keeper';

function manualTimers() {
  let next: { fn: () => void; ms: number } | null = null;
  const timers: Timers = {
    set: (fn, ms) => {
      next = { fn, ms };
      return next;
    },
    clear: (h) => {
      if (h === next) next = null;
    },
  };
  return {
    timers,
    pending: () => next?.ms ?? null,
    fire: () => {
      const n = next;
      next = null;
      n?.fn();
    },
  };
}

describe('DraftKeeper', () => {
  it('keeps only the latest change once typing pauses', async () => {
    const t = manualTimers();
    const calls: string[] = [];
    const keeper = new DraftKeeper<string>(async (d) => void calls.push(`keep ${d}`), async () => void calls.push('discard'), t.timers, 600);
    keeper.changed('a');
    keeper.changed('ab');
    expect(calls, 'nothing is written while the worker is typing').toEqual([]);
    t.fire();
    await keeper.flush();
    expect(calls, 'the latest text is kept, once').toEqual(['keep ab']);
  });

  it('sends a discard after a keep already on its way, never before it', async () => {
    const t = manualTimers();
    const calls: string[] = [];
    let release: () => void = () => {};
    const slowKeep = (d: string) =>
      new Promise<void>((resolve) => {
        release = () => {
          calls.push(`keep ${d}`);
          resolve();
        };
      });
    const keeper = new DraftKeeper<string>(slowKeep, async () => void calls.push('discard'), t.timers, 600);
    keeper.changed('draft');
    t.fire();
    const done = keeper.done();
    await Promise.resolve();
    release();
    await done;
    expect(calls, 'the saved form leaves no kept copy behind').toEqual(['keep draft', 'discard']);
  });

  it('flushes the latest change before a lock, and forgets what cannot be kept', async () => {
    const t = manualTimers();
    const calls: string[] = [];
    const keeper = new DraftKeeper<string>(async (d) => void calls.push(`keep ${d}`), async () => void calls.push('discard'), t.timers, 600);
    keeper.changed('half a sentence');
    await keeper.flush();
    expect(calls, 'the lock button keeps what was typed at once').toEqual(['keep half a sentence']);
    keeper.changed('more');
    keeper.forget();
    t.fire();
    await keeper.flush();
    expect(calls, 'after Rust locked, nothing more is sent').toEqual(['keep half a sentence']);
  });
});

describe('ActivityNotice', () => {
  it('tells Rust at once, then at most every interval, including the last activity of a burst', () => {
    const t = manualTimers();
    let now = 0;
    let told = 0;
    const notice = new ActivityNotice(() => (told += 1), () => now, t.timers, 30_000);
    notice.touch();
    expect(told, 'the first activity is told at once').toBe(1);
    now = 5_000;
    notice.touch();
    now = 9_000;
    notice.touch();
    expect(told, 'a burst is not a call a keystroke').toBe(1);
    expect(t.pending(), 'the burst is told when the interval has passed').toBe(25_000);
    now = 30_000;
    t.fire();
    expect(told, 'so the deadline counts from the last activity, give or take the interval').toBe(2);
    notice.touch();
    notice.stop();
    t.fire();
    expect(told, 'nothing after a stop').toBe(2);
  });
});
