// Words and numbers for the Backups and recovery screens.

const REASONS: Record<string, string> = {
  daily: 'First unlock of the day',
  manual: 'You asked for it',
  before_migration: 'Before an update to the journal',
  before_restore: 'Before a restore',
  before_import: 'Before an import',
  before_delete_all: 'Before deleting everything',
  before_rekey: 'Before re-encrypting with a new key',
};

/** Why a backup was made, in plain words. */
export function reasonLabel(reason: string): string {
  return REASONS[reason] ?? reason.replaceAll('_', ' ');
}

/** A size for people: bytes, KB or MB, one decimal at most. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whole percent done, 0–100; 0 before anything is known. */
export function percent(p: { done: number; total: number } | null): number {
  if (!p || p.total <= 0) return 0;
  return Math.min(100, Math.round((p.done / p.total) * 100));
}

/** The word a restore needs typed, for the field's label (the API checks it). */
export const RESTORE_WORD = 'restore';
