// Which screen shows, and what follows from it: whether the journal is open, where focus goes
// when the screen appears, which place in the navigation is current, and what a lock leaves.
// App.svelte keeps the current screen; everything it decides from it is here, tested.
import type { CheckInView, DeleteReport, InstrumentStatus, ReflectionDraft, SelfCarePlan, SetbackDraft } from '../ipc';

export type Screen =
  | { name: 'loading' }
  | { name: 'problem'; message: string }
  | { name: 'setup'; dataDir: string }
  | { name: 'unlock'; reason?: string }
  | { name: 'recovery' }
  | { name: 'home'; saved?: boolean }
  | { name: 'journal'; offerBurnout?: boolean }
  | { name: 'backups' }
  | { name: 'data' }
  | { name: 'deleted'; report: DeleteReport }
  | { name: 'entry'; id: number; back: Screen }
  | { name: 'search' }
  | { name: 'people' }
  | { name: 'person'; code: string }
  | { name: 'templates' }
  | { name: 'settings' }
  | { name: 'checkins' }
  | { name: 'checkin'; status: InstrumentStatus; resume: boolean }
  | { name: 'checkin-result'; view: CheckInView; justTaken: boolean }
  | { name: 'checkin-history'; instrument: string; title: string }
  | { name: 'plan'; back: Screen; initial?: SelfCarePlan | null }
  | { name: 'trends' }
  | { name: 'summary' }
  | { name: 'reflection'; entryId: number | null; initial: ReflectionDraft | null; notice: string }
  | { name: 'setback'; entryId: number | null; initial: SetbackDraft | null; notice: string };

export type ScreenName = Screen['name'];

/** The screens shown while the journal is closed: nothing of the journal is on them. */
const CLOSED: ScreenName[] = ['loading', 'problem', 'setup', 'unlock', 'recovery', 'deleted'];

/** Whether the journal is open while `screen` shows. */
export function isOpen(screen: Screen): boolean {
  return !CLOSED.includes(screen.name);
}

/** Screens where what is being written (or answered) is on the page: leaving them is the worker's
 * choice, so the shortcuts that open another screen stay away. */
const WRITING: ScreenName[] = ['reflection', 'setback', 'plan', 'checkin'];

export function isWriting(screen: Screen): boolean {
  return WRITING.includes(screen.name);
}

/** Screens that are one form (or, Home, start with one): the cursor starts in its first field. Others start on the heading,
 * so a screen reader reads where the worker is. */
const FORMS: ScreenName[] = ['setup', 'unlock', 'home', 'reflection', 'setback', 'plan'];

export function focusFirstField(screen: Screen): boolean {
  return FORMS.includes(screen.name);
}

/** The places in the navigation, in order. */
export const PLACES = [
  { id: 'home', label: 'Home' },
  { id: 'journal', label: 'Journal' },
  { id: 'checkins', label: 'Self-checks' },
  { id: 'trends', label: 'Trends' },
  { id: 'summary', label: 'Summary' },
  { id: 'plan', label: 'Self-care plan' },
  { id: 'search', label: 'Search' },
  { id: 'people', label: 'People and tags' },
  { id: 'settings', label: 'Settings' },
] as const;

export type Place = (typeof PLACES)[number]['id'];

/** The place in the navigation `screen` belongs to (shown as the current page), if any. */
export function placeOf(screen: Screen): Place | null {
  switch (screen.name) {
    case 'journal':
    case 'reflection':
    case 'setback':
      return 'journal';
    case 'checkins':
    case 'checkin':
    case 'checkin-result':
    case 'checkin-history':
      return 'checkins';
    case 'home':
    case 'trends':
    case 'summary':
    case 'plan':
    case 'search':
    case 'people':
    case 'settings':
      return screen.name;
    case 'person':
      return 'people';
    case 'backups':
    case 'data':
    case 'templates':
      return 'settings';
    case 'entry':
      return placeOf(screen.back);
    default:
      return null;
  }
}

/** The first field of a form in `root` that can take the cursor (not hidden, not disabled). */
export function firstField(root: ParentNode): HTMLElement | null {
  const fields = root.querySelectorAll<HTMLElement>('form input:not([type="hidden"]):not([disabled]), form select:not([disabled]), form textarea:not([disabled])');
  for (const f of fields) {
    if (f.getClientRects().length > 0) return f;
  }
  return null;
}
