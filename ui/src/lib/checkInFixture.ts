// A kept check-in as Rust sends it, for the UI's unit tests (checkIns.test.ts, words.test.ts).
import type { CheckInView, ScoreView } from '../ipc';

/** A kept WHO-5 check-in with `scores` (options offered when any score offers them), changed by `over`. */
export function keptCheckIn(scores: ScoreView[], over: Partial<CheckInView> = {}): CheckInView {
  return {
    id: 1,
    instrument: 'who5',
    title: 'WHO-5',
    version: '1',
    taken_at: '2026-11-25T18:00:00Z',
    answers: [],
    scores,
    offer_options: scores.some((s) => s.offer_options),
    note: 'This is a self-check, not a diagnosis.',
    credit: '',
    terms: '',
    problem: null,
    ...over,
  };
}
