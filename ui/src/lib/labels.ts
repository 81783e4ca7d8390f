// The words shown for each choice. Calm and plain; they describe, never judge.

export type Option<T> = { value: T; label: string };

export const OUTCOMES: Option<string>[] = [
  { value: 'setback', label: 'A setback' },
  { value: 'no_change', label: 'No change' },
  { value: 'progress', label: 'Progress' },
  { value: 'not_applicable', label: 'Not applicable' },
];

export const PUSH_PATIENCE: Option<number>[] = [
  { value: -2, label: 'Held back too much' },
  { value: -1, label: 'Held back a little' },
  { value: 0, label: 'Gentle persistence' },
  { value: 1, label: 'Pushed a little' },
  { value: 2, label: 'Pushed too hard' },
];

export const LANDED: Option<string>[] = [
  { value: 'helped', label: 'It helped' },
  { value: 'unsure', label: 'Not sure' },
  { value: 'regretted', label: 'I regretted it' },
];

export const SETBACK_TYPES: Option<string>[] = [
  { value: 'relapse', label: 'Relapse' },
  { value: 'hospital_admission', label: 'Hospital admission' },
  { value: 'disengagement', label: 'Disengagement' },
  { value: 'crisis', label: 'Crisis' },
  { value: 'loss', label: 'Loss' },
  { value: 'conflict_with_services', label: 'Conflict with services' },
  { value: 'other', label: 'Something else' },
];

export const SERVICE_KINDS: Option<string>[] = [
  { value: 'housing', label: 'Housing' },
  { value: 'benefits', label: 'Benefits' },
  { value: 'clinical_care', label: 'Clinical care' },
  { value: 'peer_or_community_group', label: 'Peer or community group' },
  { value: 'work_or_study', label: 'Work or study' },
  { value: 'other', label: 'Something else' },
];

export const LINK_HELD: Option<string>[] = [
  { value: 'held', label: 'It held' },
  { value: 'did_not_hold', label: 'It did not hold' },
  { value: 'not_yet_known', label: 'Not known yet' },
];

export const YES_NO: Option<boolean>[] = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
];

/** The label of a value, or the value itself when unknown. */
export function labelOf<T>(options: Option<T>[], value: T | null | undefined): string {
  return options.find((o) => o.value === value)?.label ?? (value === null || value === undefined ? '' : String(value));
}

/** What the unlock screen says after Ballast locked on its own. */
export const LOCK_REASONS: Record<'idle' | 'sleep' | 'session_locked' | 'minimised' | 'closed', string> = {
  idle: 'Ballast locked itself after a quiet spell. What you were writing was kept.',
  sleep: 'Ballast locked as the computer went to sleep. What you were writing was kept.',
  session_locked: 'Ballast locked when the computer was locked. What you were writing was kept.',
  minimised: 'Ballast locked when its window was minimised, as you chose in Settings. What you were writing was kept.',
  closed: 'Ballast locked when its window was closed, and went on running for your reminders. What you were writing was kept.',
};

/** The unlock screen's words for why the journal locked, or nothing when the worker locked it. */
export function lockReasonWords(reason: string | null | undefined): string {
  return reason && reason in LOCK_REASONS ? LOCK_REASONS[reason as keyof typeof LOCK_REASONS] : '';
}

/** What becomes of the backups when the journal is re-encrypted with a new key. */
export const BACKUP_CHOICES: Option<'keep_readable' | 'remove'>[] = [
  { value: 'keep_readable', label: 'Re-encrypt them too, so they stay readable with the new key' },
  { value: 'remove', label: 'Remove them, so nothing under the old key is kept' },
];
