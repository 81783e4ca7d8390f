import { describe, expect, it } from 'vitest';
import { asTime, DAYS, fromSchedule, keptWords, NOT_A_TIME, SAME_TIME, toSchedule, type DayChoice } from './reminders';

type Typed = Omit<DayChoice, 'id' | 'label'>;
const week = (monday: Typed): DayChoice[] => DAYS.map((day, i) => ({ ...day, ...(i === 0 ? monday : { shift: false, starts: '', remind: '' }) }));

describe('reminder choices', () => {
  it('reads times as a worker types them', () => {
    expect(asTime('7:30'), 'a single-digit hour is padded').toBe('07:30');
    expect(asTime(' 14:00 '), 'spaces around are forgiven').toBe('14:00');
    expect(asTime('22.15'), 'a dot is read as the colon').toBe('22:15');
    for (const bad of ['', '24:00', '12:60', '1400', 'ten', '12:5']) expect(asTime(bad), `${bad} is not a time`).toBeNull();
  });

  it('turns the form into the kept schedule and back, a day off as null', () => {
    const made = toSchedule(true, true, week({ shift: true, starts: '14:00', remind: '22:30' }));
    expect(made.errors, 'nothing to mend').toEqual({});
    expect(made.schedule.week[0], "Monday's shift").toEqual({ starts: '14:00', remind_at: '22:30' });
    expect(made.schedule.week.slice(1).every((d) => d === null), 'every other day is a day off').toBe(true);
    const back = fromSchedule(made.schedule);
    expect(back.days[0], 'read back into the form as typed').toEqual({ id: 'mon', label: 'Monday', shift: true, starts: '14:00', remind: '22:30' });
    expect(back.on && back.checkIns, 'the switches read back').toBe(true);
  });

  it("names the field to mend, and ignores an unticked day's boxes", () => {
    const made = toSchedule(true, false, week({ shift: true, starts: 'two', remind: '22:30' }));
    expect(made.errors, 'the start time is named, as Rust names it').toEqual({ starts_mon: NOT_A_TIME });
    const same = toSchedule(true, false, week({ shift: true, starts: '08:00', remind: '8:00' }));
    expect(same.errors, 'a reminder at the very start is refused').toEqual({ remind_mon: SAME_TIME });
    const unticked = toSchedule(true, false, week({ shift: false, starts: 'two', remind: '' }));
    expect(unticked.errors, 'a day off is not checked').toEqual({});
    expect(unticked.schedule.week[0], 'and is kept as a day off').toBeNull();
  });

  it('says what the kept choices will do', () => {
    const none = toSchedule(true, false, week({ shift: false, starts: '', remind: '' })).schedule;
    expect(keptWords(none), 'on, with no shift: no reminder will come, said plainly').toMatch(/No shift is chosen yet/);
    const monday = toSchedule(true, false, week({ shift: true, starts: '14:00', remind: '22:30' })).schedule;
    expect(keptWords(monday), 'on, with a shift').toMatch(/once you have unlocked it/);
    expect(keptWords({ ...monday, on: false }), 'off').toBe('Kept. Reminders are off.');
  });
});
