// The door as the window sees it: the first screen of a run; where the window lands after an
// unlock (a form kept when the journal locked comes back as it was, else Home); the lock the
// worker asks for (what is being written is kept first, and the lock screen shows only once Rust
// says the journal is locked) and the locks Rust makes on its own (idle, sleep, the session
// locked, minimised, the window closed), after which nothing of the journal is left in the
// window. The idle timer and Rust's idle deadline are kept here. App gives it the screen and
// what to forget; what the window shows stays in App.
import { ipc, type FormDraft, type LockReason, type ThemeChoice } from '../ipc';
import { ActivityNotice, IdleTimer, idleOverride } from './idle';
import { DraftKeeper } from './keeper';
import { lockReasonWords } from './labels';
import { isOpen, type Screen } from './router';
import { Writing } from './writing';

/** What the unlock notice of a kept form says. */
export const KEPT = 'We kept what you were writing when Ballast locked. It is just as you left it.';

/** The screen after an unlock: the form kept when the journal locked, as it was, else Home. */
export function landing(kept: FormDraft | null): Screen {
  if (!kept) return { name: 'home' };
  if (kept.kind === 'self_care_plan') return { name: 'plan', back: { name: 'journal' }, initial: kept.fields };
  return kept.kind === 'reflection'
    ? { name: 'reflection', entryId: kept.entry_id, initial: kept.fields, notice: KEPT }
    : { name: 'setback', entryId: kept.entry_id, initial: kept.fields, notice: KEPT };
}

/** What the journal tells the window as it opens. */
export type Opened = {
  backupProblem: string | null;
  notice: string | null;
  theme: ThemeChoice;
  reflectionMore: boolean;
};

export type DoorHooks = {
  screen: () => Screen;
  show: (next: Screen) => Promise<void>;
  /** Drops everything of the journal the window holds besides the forms (search, panels, "Not now"). */
  forget: () => void;
  opened: (o: Opened) => void;
};

export class Door {
  /** The journal's folder, for setting up again after a recovery. */
  dataDir = '';
  readonly writing = new Writing(
    new DraftKeeper<FormDraft>((d) => ipc.saveDraft(d), () => ipc.takeDraft()),
    (c) => ipc.saveCheckInDraft(c.instrument, c.answers, c.position),
  );
  private locking = false;
  private autoLockMinutes = 10;
  private readonly idle = new IdleTimer(() => idleOverride() ?? this.autoLockMinutes * 60_000, () => void this.lock());
  private readonly activityNotice = new ActivityNotice(() => void ipc.noteActivity());

  constructor(private readonly hooks: DoorHooks) {}

  /** The first screen of a run, as the journal stands. */
  async start(): Promise<void> {
    void ipc.watchLock((reason) => this.lockedByRust(reason));
    const status = await ipc.appStatus();
    if (!status) return this.hooks.show({ name: 'problem', message: 'Ballast could not start its journal. Please close it and open it again.' });
    this.dataDir = status.data_dir;
    if (status.state === 'needs_setup') return this.hooks.show({ name: 'setup', dataDir: status.data_dir });
    if (status.state === 'needs_recovery') return this.hooks.show({ name: 'recovery' });
    if (status.state === 'locked') return this.hooks.show({ name: 'unlock', reason: lockReasonWords(status.locked_because) });
    return this.unlocked();
  }

  /** The journal has just opened (set up, unlocked or recovered). */
  async unlocked(): Promise<void> {
    const status = await ipc.appStatus();
    const settings = await ipc.getSettings();
    if (settings.status === 'ok') this.autoLockMinutes = settings.data.auto_lock_minutes;
    const look = await ipc.getAppearance();
    this.hooks.opened({
      backupProblem: status?.backup_problem ?? null,
      notice: status?.notice ?? null,
      theme: look.status === 'ok' ? look.data.theme : 'system',
      reflectionMore: look.status === 'ok' && look.data.reflection_more,
    });
    this.idle.arm();
    const kept = await ipc.takeDraft();
    return this.hooks.show(landing(kept.status === 'ok' ? kept.data : null));
  }

  /** The worker locks: what is being written is kept, then the journal locks. */
  async lock(): Promise<void> {
    if (this.locking) return;
    this.locking = true;
    this.stopTimers();
    await this.writing.keepBeforeLock(this.hooks.screen().name);
    this.hooks.forget();
    const res = await ipc.lockJournal();
    this.locking = false;
    // The lock screen shows only once Rust says the journal is locked.
    if (res.status === 'ok') await this.hooks.show({ name: 'unlock' });
  }

  /** Rust locked the journal on its own. What was typed was kept as it was typed; the window now
   * drops everything of the journal. */
  lockedByRust(reason: LockReason): void {
    if (this.locking || !isOpen(this.hooks.screen())) return;
    this.stopTimers();
    this.writing.forget();
    this.hooks.forget();
    if (reason === 'damaged') return void this.hooks.show({ name: 'recovery' });
    void this.hooks.show({ name: 'unlock', reason: lockReasonWords(reason) });
  }

  /** The worker did something: the idle wait starts again, and Rust hears of it now and then. */
  activity(): void {
    this.idle.touch();
    if (isOpen(this.hooks.screen())) this.activityNotice.touch();
  }

  /** The auto-lock minutes were changed in Settings. */
  autoLockAfter(minutes: number): void {
    this.autoLockMinutes = minutes;
    this.idle.arm();
  }

  /** No more idle locks (the journal is locked, or deleted). */
  stopTimers(): void {
    this.idle.stop();
    this.activityNotice.stop();
  }
}
