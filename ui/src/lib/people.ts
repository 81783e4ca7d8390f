// The words of the People and tags screens: outcomes counted, what a rename did, and where a
// push–patience answer sits on its five steps.

import type { OutcomeCounts, RenameReport } from '../ipc';
import { OUTCOMES } from './labels';

/** The outcomes of a person's reflections, in words ("Progress 2, no change 1"). */
export function outcomeWords(o: OutcomeCounts): string {
  const parts: [string, number][] = [
    ['progress', o.progress],
    ['no change', o.no_change],
    ['a setback', o.setback],
    ['not applicable', o.not_applicable],
  ];
  const said = parts.filter(([, n]) => n > 0).map(([w, n]) => `${w} ${n}`);
  if (said.length === 0) return 'No outcomes noted';
  const text = said.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const entries = (n: number) => (n === 1 ? '1 entry' : `${n} entries`);

/** What a rename did, for the status line. */
export function renamedWords(what: 'code' | 'tag', old: string, r: RenameReport): string {
  if (r.entries === 0) return `Nothing changed: the ${what} is already ${r.name}.`;
  if (r.merged) return `${old} and ${r.name} are now one ${what}, ${r.name}. ${entries(r.entries)} moved.`;
  return `${old} is now ${r.name}, on ${entries(r.entries)}.`;
}

/** An outcome's label, or '' when none was given. */
export function outcomeLabel(value: string | null): string {
  return OUTCOMES.find((o) => o.value === value)?.label ?? '';
}

/** The five steps of push and patience, from held back too much (−2) to pushed too hard (2), with
 * the one chosen marked; the words say the same, so this is only a picture. */
export function balanceSteps(value: number): boolean[] {
  return [-2, -1, 0, 1, 2].map((v) => v === value);
}
