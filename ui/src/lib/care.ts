// The self-care plan's and the Support list's pure logic: the plan's sections, labels and hints in
// Ballast's own words (in the order Rust keeps the parts), the words around versions, and the edits
// to the list of support resources (add, remove, move, change) keyed so the inputs keep their text.
// Every rule and every refusal comes from Rust; this only arranges and words what Rust sends.
import type { FieldError, PlanVersionView, Resource, SelfCarePlan } from '../ipc';

/** A part of the plan, by its field name in Rust. */
export type PlanField = keyof SelfCarePlan;

/** One text area of the plan. */
export type PlanPart = { field: PlanField; id: string; label: string; hint: string };

/** A group of parts under one heading. */
export type PlanSection = { id: string; title: string; intro: string; parts: PlanPart[] };

const part = (field: PlanField, label: string, hint: string): PlanPart => ({
  field,
  id: `plan-${field.replaceAll('_', '-')}`,
  label,
  hint,
});

/** The plan as shown, section by section. The parts are in the order Rust lists them. */
export const PLAN_SECTIONS: readonly PlanSection[] = [
  {
    id: 'warning',
    title: 'Warning signs',
    intro: '',
    parts: [part('warning_signs', 'Signs that things are getting heavy for me', 'In how I sleep, feel, think or act. Noticing them early is already a kind of care.')],
  },
  {
    id: 'helps',
    title: 'What helps',
    intro: 'What helps me feel steadier, in four parts of life. A few words in any of them is enough.',
    parts: [
      part('helps_body', 'Body', 'For example sleep, food, movement, time outside.'),
      part('helps_mind', 'Mind', 'For example quiet time, music, reading, something creative.'),
      part('helps_relationships', 'Relationships', 'For example friends or family, a pet, a group I belong to.'),
      part('helps_work', 'Work', 'For example breaks, a debrief after a hard session, supervision, saying no to an extra shift.'),
    ],
  },
  {
    id: 'people',
    title: 'People I can talk to',
    intro: '',
    parts: [part('people', 'Who I can talk to, and how to reach them', 'A supervisor, a peer I trust, a friend, someone at home.')],
  },
  {
    id: 'boundaries',
    title: 'Boundaries',
    intro: '',
    parts: [part('boundaries', 'Boundaries that help me keep going', 'Limits I keep at work and at home, and how I say them.')],
  },
  {
    id: 'vicarious',
    title: 'A plan for vicarious trauma, in five steps',
    intro:
      'Hearing and holding other people\u2019s hard experiences can leave its own weight. These five steps help you notice it and look after yourself.',
    parts: [
      part('vt_risk_factors', '1. What tends to weigh on me', 'Situations, stories or times of the year that I find heavy.'),
      part('vt_signs', '2. How I notice it in myself', 'Changes in my body, mood, thoughts or habits.'),
      part('vt_coping', '3. What I do to cope', 'Things I can do on the day, and over time.'),
      part('vt_meaning', '4. Where I find meaning and hope', 'What reminds me why this work matters, and what keeps me hopeful.'),
      part('vt_goals', '5. Two goals for this week', 'Small and doable. You can change them any time.'),
    ],
  },
  {
    id: 'else',
    title: 'Anything else',
    intro: '',
    parts: [part('notes', 'Anything else I want to keep here', '')],
  },
];

/** Every part, in the order shown (and the order Rust names them). */
export const PLAN_PARTS: readonly PlanPart[] = PLAN_SECTIONS.flatMap((s) => s.parts);

/** [field, input id] in form order, for moving focus to the first part with a problem. */
export const PLAN_ORDER: [field: string, id: string][] = PLAN_PARTS.map((p) => [p.field, p.id]);

/** A plan with every part empty. */
export function emptyPlan(): SelfCarePlan {
  return Object.fromEntries(PLAN_PARTS.map((p) => [p.field, ''])) as SelfCarePlan;
}

/** A full plan from what Rust sent, with any missing part empty (a copy, safe to edit). */
export function planFrom(plan: Partial<SelfCarePlan> | null | undefined): SelfCarePlan {
  const out = emptyPlan();
  for (const p of PLAN_PARTS) out[p.field] = plan?.[p.field] ?? '';
  return out;
}

/** Whether two plans hold the same text in every part. */
export function samePlan(a: SelfCarePlan, b: SelfCarePlan): boolean {
  return PLAN_PARTS.every((p) => a[p.field] === b[p.field]);
}

/** Whether every part is empty (or only spaces). */
export function isEmptyPlan(plan: SelfCarePlan): boolean {
  return PLAN_PARTS.every((p) => plan[p.field].trim() === '');
}

/** "Version 2, saved Tue 25 Nov 2026, 18:30"; `time` formats the instant. */
export function versionLine(version: number | null, savedAt: string | null, time: (v: string) => string): string {
  if (version === null) return 'Not saved yet. Your plan is kept, encrypted on this computer, once you save it.';
  return savedAt ? `Version ${version}, saved ${time(savedAt)}` : `Version ${version}`;
}

/** The words after a save: a new version, or nothing changed so no new version. */
export function savedWords(before: number | null, after: number | null): string {
  if (after === null) return 'Your plan is empty, so there was nothing to keep yet.';
  if (before === after) return `Nothing had changed, so this is still version ${after}.`;
  return `Saved as version ${after}.`;
}

/** One entry of the Past versions list. */
export type VersionItem = { version: number; text: string; current: boolean };

/** The Past versions list, newest first as Rust sends it; the newest is the current plan. */
export function versionItems(versions: readonly PlanVersionView[], time: (v: string) => string): VersionItem[] {
  const newest = versions.reduce((m, v) => Math.max(m, v.version), 0);
  return [...versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => ({ version: v.version, text: versionLine(v.version, v.saved_at, time), current: v.version === newest }));
}

/** Where the plan screen was opened from, and the words of its way back. */
export type PlanFrom = 'journal' | 'checkins' | 'checkin-result' | 'trends';

export function backLabel(from: string): string {
  switch (from) {
    case 'checkins':
      return 'Back to self-checks';
    case 'checkin-result':
      return 'Back to the results';
    case 'trends':
      return 'Back to Trends';
    case 'search':
      return 'Back to the search results';
    case 'person':
      return 'Back to this person';
    default:
      return 'Back to the journal';
  }
}

// ---------------------------------------------------------------------------------------------
// The Support list

/** A resource being edited, with a key that stays with it when others are added, moved or removed. */
export type ResourceRow = { key: number; name: string; contact: string; note: string };

/** The part of a resource, as Rust names it in `resources[2].name`. */
export type ResourcePart = 'name' | 'contact' | 'note';

/** Rows to edit from the list Rust sent; keys start at `firstKey`. */
export function toRows(resources: readonly Partial<Resource>[], firstKey = 1): ResourceRow[] {
  return resources.map((r, i) => ({ key: firstKey + i, name: r.name ?? '', contact: r.contact ?? '', note: r.note ?? '' }));
}

/** The list to save, in the order shown, sent as typed (Rust checks it). */
export function fromRows(rows: readonly ResourceRow[]): Resource[] {
  return rows.map(({ name, contact, note }) => ({ name, contact, note }));
}

/** A key not used by any row. */
export function nextKey(rows: readonly ResourceRow[]): number {
  return rows.reduce((m, r) => Math.max(m, r.key), 0) + 1;
}

/** The rows with an empty one added at the end. */
export function addRow(rows: readonly ResourceRow[]): ResourceRow[] {
  return [...rows, { key: nextKey(rows), name: '', contact: '', note: '' }];
}

/** The rows with each resource of the starting list added at the end, except those whose name is
 * already in the list (so adding twice adds nothing); and how many were added. */
export function withStarting(rows: readonly ResourceRow[], starting: readonly Resource[]): [ResourceRow[], number] {
  const have = new Set(rows.map((r) => r.name.trim().toLowerCase()));
  const fresh = starting.filter((r) => !have.has(r.name.trim().toLowerCase()));
  return [[...rows, ...toRows(fresh, nextKey(rows))], fresh.length];
}

/** The rows without the one at `index` (unchanged when there is none). */
export function removeRow(rows: readonly ResourceRow[], index: number): ResourceRow[] {
  return rows.filter((_, i) => i !== index);
}

/** The rows with the one at `index` moved by `by` places (-1 up, 1 down), stopping at the ends. */
export function moveRow(rows: readonly ResourceRow[], index: number, by: number): ResourceRow[] {
  const to = Math.min(Math.max(index + by, 0), rows.length - 1);
  if (index < 0 || index >= rows.length || to === index) return [...rows];
  const out = [...rows];
  const [moved] = out.splice(index, 1);
  if (moved) out.splice(to, 0, moved);
  return out;
}

/** The rows with one part of the row at `index` changed. */
export function changeRow(rows: readonly ResourceRow[], index: number, which: ResourcePart, value: string): ResourceRow[] {
  return rows.map((r, i) => (i === index ? { ...r, [which]: value } : r));
}

/** Whether the rows differ from the list as last shown (order included). */
export function rowsChanged(rows: readonly ResourceRow[], shown: readonly Partial<Resource>[]): boolean {
  if (rows.length !== shown.length) return true;
  return rows.some((r, i) => {
    const s = shown[i];
    return !s || r.name !== (s.name ?? '') || r.contact !== (s.contact ?? '') || r.note !== (s.note ?? '');
  });
}

/** The field name Rust uses for one part of the resource at `index`. */
export function resourceField(index: number, which: ResourcePart): string {
  return `resources[${index}].${which}`;
}

/** The input id of one part of the resource at `index`. */
export function resourceInputId(index: number, which: ResourcePart): string {
  return `support-r${index}-${which}`;
}

/** [field, input id] in form order, for moving focus to the first part with a problem. */
export function resourceOrder(count: number): [field: string, id: string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < count; i += 1) {
    for (const which of ['name', 'contact', 'note'] as const) out.push([resourceField(i, which), resourceInputId(i, which)]);
  }
  return out;
}

/** Problems that belong to no single input (e.g. the whole list is too long), as one sentence. */
export function listProblems(errors: readonly FieldError[]): string {
  return errors
    .filter((e) => !/^resources\[\d+\]\./.test(e.field))
    .map((e) => e.message)
    .join(' ');
}

/** How a resource is named to a screen reader on its buttons: "Resource 2, Crisis Text Line". */
export function rowName(row: ResourceRow, index: number): string {
  const name = row.name.trim();
  return name ? `Resource ${index + 1}, ${name}` : `Resource ${index + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Nudges on Trends

/** The heading over the nudges. */
export function nudgeHeading(count: number): string {
  return count === 1 ? 'Something Ballast noticed' : 'Some things Ballast noticed';
}

/** The line under it: what nudges are, and what Dismiss does. */
export const NUDGE_INTRO =
  'From your own entries and self-checks: a description, never a judgement. Take whatever is useful. Dismiss sets a note aside so it does not show again.';

/** What is said when a nudge has been set aside. */
export const NUDGE_DISMISSED = 'Set aside. A new note may appear if things change.';

/** The nudges left after one is dismissed. */
export function withoutNudge<T extends { id: string }>(nudges: readonly T[], id: string): T[] {
  return nudges.filter((n) => n.id !== id);
}
