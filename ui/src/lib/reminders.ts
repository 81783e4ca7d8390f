// The reminder choices as the Settings form holds them (a checkbox and two typed times a
// weekday) and as Rust keeps them (a shift or null a weekday, Monday first), both ways. Times are
// checked here first, so a mistyped one is named at its field and nothing is sent.
import type { Schedule, Shift } from '../ipc';

export const DAYS = [
  { id: 'mon', label: 'Monday' },
  { id: 'tue', label: 'Tuesday' },
  { id: 'wed', label: 'Wednesday' },
  { id: 'thu', label: 'Thursday' },
  { id: 'fri', label: 'Friday' },
  { id: 'sat', label: 'Saturday' },
  { id: 'sun', label: 'Sunday' },
] as const;

/** One weekday in the form: which day, whether there is a shift, and the two times as typed. */
export type DayChoice = { id: string; label: string; shift: boolean; starts: string; remind: string };

export const NOT_A_TIME = 'Give a time as hours and minutes, as 14:00 or 07:30.';
export const SAME_TIME = 'Choose a reminder time after the shift starts.';

/** "7:30", "07:30" or " 14:00 " as "HH:MM"; null when it is not a time of day. */
export function asTime(typed: string): string | null {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(typed);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** The form's fields for a kept schedule (a day off keeps its boxes empty). */
export function fromSchedule(s: Schedule): { on: boolean; checkIns: boolean; days: DayChoice[] } {
  const days = DAYS.map((day, i) => {
    const shift: Shift | null = s.week[i] ?? null;
    return shift ? { ...day, shift: true, starts: shift.starts, remind: shift.remind_at } : { ...day, shift: false, starts: '', remind: '' };
  });
  return { on: s.on, checkIns: s.check_ins, days };
}

/** The schedule the form says, or the fields to mend (keyed as Rust names them: `starts_mon`). A
 * day unticked is a day off whatever its boxes hold. */
export function toSchedule(on: boolean, checkIns: boolean, days: DayChoice[]): { schedule: Schedule; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const week = DAYS.map((day) => {
    const d = days.find((c) => c.id === day.id);
    if (!d?.shift) return null;
    const starts = asTime(d.starts);
    const remind = asTime(d.remind);
    if (!starts) errors[`starts_${day.id}`] = NOT_A_TIME;
    if (!remind) errors[`remind_${day.id}`] = NOT_A_TIME;
    else if (starts === remind) errors[`remind_${day.id}`] = SAME_TIME;
    return starts && remind ? { starts, remind_at: remind } : null;
  });
  return { schedule: { on, check_ins: checkIns, week: week as Schedule['week'] }, errors };
}

/** What Settings says once the choices are kept. */
export function keptWords(s: Schedule): string {
  if (!s.on) return 'Kept. Reminders are off.';
  if (s.week.every((d) => d === null)) return 'Kept. No shift is chosen yet, so no after-shift reminder will come.';
  return 'Kept. Reminders come while Ballast is running, once you have unlocked it.';
}
