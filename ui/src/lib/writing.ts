// What the worker is writing, kept as they type so a lock loses nothing: the open form (handed to
// a DraftKeeper, which keeps it encrypted in the journal a moment after each change) and the
// self-check's answers since its last step. Home's quick reflection is kept only once something
// is in it, so an unlock never brings back an empty form.
import type { FormDraft } from '../ipc';
import type { KeptCheckIn } from './checkIns';
import { blankReflection } from './fields';
import type { ScreenName } from './router';

/** What keeps a form (a DraftKeeper, or a stand-in in tests). */
export type Keeper = {
  changed: (draft: FormDraft) => void;
  flush: () => Promise<unknown>;
  done: () => Promise<unknown>;
  forget: () => void;
};

/** The screens whose form is kept at a lock the worker asks for. */
const FORM_SCREENS: ScreenName[] = ['home', 'reflection', 'setback', 'plan'];

export class Writing {
  /** The open form as last changed, or null. */
  form: FormDraft | null = null;
  /** The self-check's answers as last chosen, or null. */
  checkIn: KeptCheckIn | null = null;

  constructor(
    private readonly keeper: Keeper,
    private readonly keepCheckIn: (kept: KeptCheckIn) => Promise<unknown>,
  ) {}

  /** A form changed (null: it was saved or left). */
  changed(draft: FormDraft | null): void {
    if (draft === null) return this.done();
    this.form = draft;
    this.keeper.changed(draft);
  }

  /** Home's quick reflection changed: kept like any form once something is in it. */
  changedOnHome(draft: FormDraft | null): void {
    if (draft === null || (draft.kind === 'reflection' && blankReflection(draft.fields))) {
      if (this.form !== null) this.done();
      return;
    }
    this.changed(draft);
  }

  /** The form was saved or left: its kept copy goes. */
  done(): void {
    this.form = null;
    void this.keeper.done();
  }

  /** Whether something is being written on Home (its quick reflection has something in it). */
  get started(): boolean {
    return this.form !== null;
  }

  /** Before a lock the worker asked for, on `screen`: keeps the open form now, and a self-check's
   * answer chosen since its last step; then holds nothing. */
  async keepBeforeLock(screen: ScreenName): Promise<void> {
    if (this.form && FORM_SCREENS.includes(screen)) {
      this.keeper.changed(this.form);
      await this.keeper.flush();
    }
    if (this.checkIn && screen === 'checkin') await this.keepCheckIn(this.checkIn);
    this.form = null;
    this.checkIn = null;
  }

  /** After a lock Rust made on its own: what was kept stays kept; nothing is held here. */
  forget(): void {
    this.keeper.forget();
    this.form = null;
    this.checkIn = null;
  }
}
