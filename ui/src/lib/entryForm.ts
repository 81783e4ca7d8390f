// What both entry forms do when saving and when leaving the person-code field.
import { tick } from 'svelte';
import { ipc, type Result, type Saved } from '../ipc';
import { byField, firstInvalid } from './fields';

/** Why a save was refused: each field's message, and the summary shown above the form. */
export type Refusal = { errors: Record<string, string>; summary: string };

/**
 * Waits for a save. On refusal, returns the problems and moves focus to the first field with one
 * (in form order), or to the summary; nothing typed is touched.
 */
export async function saveEntry(call: Promise<Result<Saved>>, order: [string, string][], summaryId: string): Promise<Refusal | null> {
  const res = await call;
  if (res.status === 'ok') return null;
  const errors = byField(res.error.fields);
  const target = firstInvalid(errors, order) ?? summaryId;
  void tick().then(() => document.getElementById(target)?.focus());
  return { errors, summary: res.error.message };
}

/** The first gentle warning about a person code, or '' when it looks pseudonymous. */
export async function personCodeWarning(code: string): Promise<string> {
  if (!code.trim()) return '';
  return (await ipc.checkPersonCode(code))[0]?.message ?? '';
}
