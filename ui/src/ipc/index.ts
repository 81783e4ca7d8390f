// The UI's one door to the Rust side: the generated bindings, with a timeout on every call so a
// lost reply becomes a calm error instead of a screen that waits forever.
import { Channel } from '@tauri-apps/api/core';
import { commands } from './bindings';
import type {
  ApiError,
  Appearance,
  AppStatus,
  BackupChoice,
  BackupList_Serialize,
  BackupView,
  ChartTheme,
  ChartView,
  CheckInDraftView,
  CheckInId,
  CheckInView_Serialize,
  Choice,
  Coupling_Serialize,
  DamageReport_Serialize,
  DeleteChoice,
  DeleteReport_Serialize,
  ExportReport,
  ImportReport,
  Instrument_Serialize,
  InstrumentStatus_Serialize,
  Item,
  OptionSet,
  ProgressView,
  ScoreView_Serialize,
  SecretInput,
  EntryPage_Serialize,
  EntryView_Serialize,
  FieldError,
  FormDraft_Deserialize,
  FormDraft_Serialize,
  ReflectionDraft_Serialize,
  NudgeView,
  PlanVersionView,
  PlanView_Serialize,
  Resource_Serialize,
  ResourcesView_Serialize,
  Saved,
  SelfCarePlan_Serialize,
  SetbackDraft_Serialize,
  Settings,
  SetUp,
  Cursor,
  Span_Deserialize,
  TableView,
  TrendsView_Serialize,
  HomeView_Serialize,
  Block,
  EntryKind,
  Format,
  Included,
  Line,
  LockReason,
  Section,
  ShareableEntry,
  Shared,
  SummaryPreview_Serialize,
  SummaryRequest_Serialize,
  SummaryWords_Serialize,
  SummaryWritten,
  Summary_Serialize,
  Hit_Serialize,
  OutcomeCounts,
  Part,
  PersonCode,
  RenameReport,
  SearchRequest_Deserialize,
  Step_Serialize,
  TagCount,
  OnThisDay_Serialize,
  Prompt,
  TemplateDraft_Serialize,
  TemplateView_Serialize,
  Template_Serialize,
  OwnTemplateDraft,
  Schedule_Serialize,
  Shift_Serialize,
  ThemeChoice,
} from './bindings';

export type {
  ApiError,
  Appearance,
  AppStatus,
  BackupChoice,
  BackupView,
  ChartTheme,
  ChartView,
  CheckInDraftView,
  CheckInId,
  Choice,
  Cursor,
  DeleteChoice,
  DeleteReport_Serialize,
  ExportReport,
  FieldError,
  ImportReport,
  Item,
  OptionSet,
  ProgressView,
  Saved,
  SecretInput,
  Settings,
  NudgeView,
  PlanVersionView,
  SetUp,
  TableView,
  Block,
  EntryKind,
  Format,
  Included,
  Line,
  LockReason,
  Section,
  ShareableEntry,
  Shared,
  SummaryWritten,
  OutcomeCounts,
  Part,
  PersonCode,
  RenameReport,
  TagCount,
  ThemeChoice,
};
export type BackupList = BackupList_Serialize;
export type DamageReport = DamageReport_Serialize;
export type DeleteReport = DeleteReport_Serialize;
export type ReflectionDraft = ReflectionDraft_Serialize;
export type SetbackDraft = SetbackDraft_Serialize;
export type Entry = EntryView_Serialize;
export type EntryPage = EntryPage_Serialize;
export type FormDraft = FormDraft_Serialize;
export type Instrument = Instrument_Serialize;
export type InstrumentStatus = InstrumentStatus_Serialize;
export type CheckInView = CheckInView_Serialize;
export type ScoreView = ScoreView_Serialize;
export type Coupling = Coupling_Serialize;
export type Span = Span_Deserialize;
export type TrendsView = TrendsView_Serialize;
export type HomeView = HomeView_Serialize;
export type SelfCarePlan = SelfCarePlan_Serialize;
export type PlanView = PlanView_Serialize;
export type Resource = Resource_Serialize;
export type ResourcesView = ResourcesView_Serialize;
export type Summary = Summary_Serialize;
export type SummaryPreview = SummaryPreview_Serialize;
export type SummaryRequest = SummaryRequest_Serialize;
export type SummaryWords = SummaryWords_Serialize;
export type Hit = Hit_Serialize;
export type SearchRequest = SearchRequest_Deserialize;
export type Step = Step_Serialize;
export type OnThisDay = OnThisDay_Serialize;
export type TemplateDraft = TemplateDraft_Serialize;
export type TemplateView = TemplateView_Serialize;
export type Template = Template_Serialize;
/** The reminder choices: the same shape both ways. */
export type Schedule = Schedule_Serialize;
export type Shift = Shift_Serialize;
export type { Prompt, OwnTemplateDraft };
export type Result<T> = { status: 'ok'; data: T } | { status: 'error'; error: ApiError };

/** How long any call may take before the UI stops waiting. Key derivation takes about a second. */
export const IPC_TIMEOUT_MS = 20_000;
/** Backups and restores of a large journal take longer; they report progress as they go. */
export const LONG_WORK_TIMEOUT_MS = 15 * 60_000;
/** Drawing every chart over a long journal can take a few seconds more than an ordinary call. */
export const TRENDS_TIMEOUT_MS = 60_000;
/** Saving a summary waits for the worker in the native save dialog, then draws the file. */
export const SAVE_DIALOG_TIMEOUT_MS = 30 * 60_000;

const timedOut: ApiError = {
  kind: 'internal',
  message: 'Ballast took too long to answer. Nothing you typed has been lost; please try again.',
  fields: [],
};

function withTimeout<T>(call: Promise<T>, fallback: T, ms = IPC_TIMEOUT_MS): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    call.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

function guarded<T>(call: Promise<Result<T>>, ms = IPC_TIMEOUT_MS): Promise<Result<T>> {
  return withTimeout(call, { status: 'error', error: timedOut }, ms);
}

/** What a summary call says when Rust could not even read the request (a date left incomplete, so
 * it is not a day at all): Rust's own checks answer with an `ApiError`; this is the one case where
 * the request never reaches them. */
export const UNREADABLE_SUMMARY_REQUEST: ApiError = {
  kind: 'invalid',
  message: 'Ballast could not read these choices. Please check that both days are complete dates, then try again.',
  fields: [],
};

/** Whether a value is an `ApiError` as Rust sends it. */
function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kind === 'string' && typeof v.message === 'string' && Array.isArray(v.fields);
}

/** A summary call: like `guarded`, and a request Rust could not read at all (Tauri then rejects
 * with a plain string rather than an `ApiError`) becomes a calm, typed error. */
async function summaryCall<T>(call: Promise<Result<T>>, ms = IPC_TIMEOUT_MS): Promise<Result<T>> {
  const res = await guarded(call, ms);
  if (res.status === 'error' && !isApiError(res.error)) return { status: 'error', error: UNREADABLE_SUMMARY_REQUEST };
  return res;
}

function progressChannel(onProgress: (p: ProgressView) => void): Channel<ProgressView> {
  const channel = new Channel<ProgressView>();
  channel.onmessage = onProgress;
  return channel;
}

export const ipc = {
  appStatus: () => withTimeout<AppStatus | null>(commands.appStatus(), null),
  setUpJournal: (passphrase: string) => guarded(commands.setUpJournal(passphrase)),
  unlockJournal: (passphrase: string) => guarded(commands.unlockJournal(passphrase)),
  unlockWithRecoveryKey: (key: string) => guarded(commands.unlockWithRecoveryKey(key)),
  lockJournal: () => guarded(commands.lockJournal()),
  /** The first screen is painted (the start-up probe listens for it). */
  firstScreenPainted: () => withTimeout(commands.firstScreenPainted(), undefined),
  /** The worker is active: Rust's idle deadline starts again. */
  noteActivity: () => guarded(commands.noteActivity()),
  /** `onLock` hears every lock the window did not ask for (idle, sleep, session locked, minimised). */
  watchLock: (onLock: (reason: LockReason) => void) => {
    const channel = new Channel<LockReason>();
    channel.onmessage = onLock;
    return withTimeout(commands.watchLock(channel), undefined);
  },
  changePassphrase: (current: string, next: string) => guarded(commands.changePassphrase(current, next)),
  /** Re-encrypting the journal and its backups takes longer than an ordinary call on a big journal. */
  rekeyJournal: (current: string, next: string, backups: BackupChoice) =>
    guarded(commands.rekeyJournal(current, next, backups), LONG_WORK_TIMEOUT_MS),
  newRecoveryKey: (passphrase: string, backups: BackupChoice) =>
    guarded(commands.newRecoveryKey(passphrase, backups), LONG_WORK_TIMEOUT_MS),
  listEntries: (before: Cursor | null, limit: number) => guarded(commands.listEntries(before, limit)),
  getEntry: (id: number) => guarded(commands.getEntry(id)),
  saveReflection: (id: number | null, draft: ReflectionDraft) => guarded(commands.saveReflection(id, draft)),
  saveSetback: (id: number | null, draft: SetbackDraft) => guarded(commands.saveSetback(id, draft)),
  deleteEntry: (id: number) => guarded(commands.deleteEntry(id)),
  checkPersonCode: (code: string) => withTimeout<FieldError[]>(commands.checkPersonCode(code), []),
  saveDraft: (draft: FormDraft) => guarded(commands.saveDraft(draft as FormDraft_Deserialize)),
  takeDraft: () => guarded(commands.takeDraft()),
  getSettings: () => guarded(commands.getSettings()),
  saveSettings: (settings: Settings) => guarded(commands.saveSettings(settings)),
  listBackups: () => guarded(commands.listBackups()),
  backUpNow: (onProgress: (p: ProgressView) => void) =>
    guarded(commands.backUpNow(progressChannel(onProgress)), LONG_WORK_TIMEOUT_MS),
  restoreBackup: (backup: string, confirmation: string, onProgress: (p: ProgressView) => void) =>
    guarded(commands.restoreBackup(backup, confirmation, progressChannel(onProgress)), LONG_WORK_TIMEOUT_MS),
  damageReport: () => withTimeout<DamageReport | null>(commands.damageReport(), null),
  recoverJournal: (secret: SecretInput, backup: string | null) =>
    guarded(commands.recoverJournal(secret, backup), LONG_WORK_TIMEOUT_MS),
  startEmptyJournal: (secret: SecretInput) => guarded(commands.startEmptyJournal(secret)),
  suggestedExportFolder: () => withTimeout<string>(commands.suggestedExportFolder(), ''),
  exportJournal: (folder: string) => guarded(commands.exportJournal(folder), LONG_WORK_TIMEOUT_MS),
  importJournal: (file: string, onProgress: (p: ProgressView) => void) =>
    guarded(commands.importJournal(file, progressChannel(onProgress)), LONG_WORK_TIMEOUT_MS),
  deleteEverything: (choice: DeleteChoice) => guarded(commands.deleteEverything(choice), LONG_WORK_TIMEOUT_MS),
  checkInOverview: () => guarded(commands.checkInOverview()),
  recordCheckIn: (instrument: string, answers: (number | null)[]) => guarded(commands.recordCheckIn(instrument, answers)),
  listCheckIns: (instrument: string | null) => guarded(commands.listCheckIns(instrument)),
  getCheckIn: (id: CheckInId) => guarded(commands.getCheckIn(id)),
  deleteCheckIn: (id: CheckInId) => guarded(commands.deleteCheckIn(id)),
  saveCheckInDraft: (instrument: string, answers: (number | null)[], position: number) =>
    guarded(commands.saveCheckInDraft(instrument, answers, position)),
  discardCheckInDraft: (instrument: string) => guarded(commands.discardCheckInDraft(instrument)),
  setCheckInEvery: (instrument: string, days: number) => guarded(commands.setCheckInEvery(instrument, days)),
  getSelfCarePlan: (version: number | null) => guarded(commands.getSelfCarePlan(version)),
  saveSelfCarePlan: (plan: SelfCarePlan) => guarded(commands.saveSelfCarePlan(plan)),
  getSupportResources: () => guarded(commands.getSupportResources()),
  saveSupportResources: (resources: Resource[]) => guarded(commands.saveSupportResources(resources)),
  getTrends: (span: Span, theme: ChartTheme) => guarded(commands.getTrends(span, theme), TRENDS_TIMEOUT_MS),
  getHome: (theme: ChartTheme) => guarded(commands.getHome(theme), TRENDS_TIMEOUT_MS),
  dismissNudge: (id: string) => guarded(commands.dismissNudge(id)),
  getSummaryPreview: (request: SummaryRequest) => summaryCall(commands.getSummaryPreview(request), TRENDS_TIMEOUT_MS),
  getSummaryWords: () => guarded(commands.getSummaryWords()),
  setEntryShared: (id: number, share: boolean) => guarded(commands.setEntryShared(id, share)),
  /** Opens the native save dialog (from Rust) and writes the file there; `null` when the worker
   * closes the dialog without choosing. Waits as long as the worker needs in the dialog. */
  exportSummary: (request: SummaryRequest, format: Format, fingerprint: string) =>
    summaryCall(commands.exportSummary(request, format, fingerprint), SAVE_DIALOG_TIMEOUT_MS),
  getShareLog: () => guarded(commands.getShareLog()),
  clearShareLog: () => guarded(commands.clearShareLog()),
  searchJournal: (request: SearchRequest) => guarded(commands.searchJournal(request)),
  listPersonCodes: () => guarded(commands.listPersonCodes()),
  personJourney: (code: string) => guarded(commands.personJourney(code)),
  renamePersonCode: (current: string, next: string) => guarded(commands.renamePersonCode(current, next)),
  listTags: () => guarded(commands.listTags()),
  renameTag: (current: string, next: string) => guarded(commands.renameTag(current, next)),
  onThisDay: () => guarded(commands.onThisDay()),
  listTemplates: () => guarded(commands.listTemplates()),
  saveOwnTemplate: (template: OwnTemplateDraft) => guarded(commands.saveOwnTemplate(template)),
  arrangeTemplates: (order: string[], hidden: string[]) => guarded(commands.arrangeTemplates(order, hidden)),
  listStrengthWords: () => guarded(commands.listStrengthWords()),
  getAppearance: () => guarded(commands.getAppearance()),
  setTheme: (theme: ThemeChoice) => guarded(commands.setTheme(theme)),
  setReflectionMore: (more: boolean) => guarded(commands.setReflectionMore(more)),
  getReminders: () => guarded(commands.getReminders()),
  setReminders: (schedule: Schedule) => guarded(commands.setReminders(schedule)),
};
