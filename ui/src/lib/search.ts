// The search screen's state, kept by the app while an entry is open so that going back shows the
// same results; the request it sends; and the words for what was found.

import type { EntryKind, Part, SearchRequest } from '../ipc';

/** How many results a page asks for. */
export const PAGE = 30;

export type SearchState = {
  text: string;
  /** yyyy-mm-dd, or '' for no bound. */
  from: string;
  to: string;
  kind: '' | EntryKind;
  tag: string;
  personCode: string;
  outcome: string;
  setbackType: string;
  /** A template's id, or '' for any. */
  template: string;
  /** The result last opened, focused again on the way back. */
  opened: number | null;
};

export function emptySearch(): SearchState {
  return { text: '', from: '', to: '', kind: '', tag: '', personCode: '', outcome: '', setbackType: '', template: '', opened: null };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The request for one page of results. */
export function toRequest(s: SearchState, offset: number, limit = PAGE): SearchRequest {
  return {
    text: s.text,
    from: orNull(s.from),
    to: orNull(s.to),
    kind: s.kind === '' ? null : s.kind,
    tag: orNull(s.tag),
    person_code: orNull(s.personCode),
    outcome: s.kind === 'setback' ? null : orNull(s.outcome),
    setback_type: s.kind === 'reflection' ? null : orNull(s.setbackType),
    template: s.kind === 'setback' ? null : orNull(s.template),
    offset,
    limit,
  };
}

/** How many filters narrow the search (shown beside "Narrow down"). */
export function filterCount(s: SearchState): number {
  return [s.from, s.to, s.kind, s.tag, s.personCode, s.outcome, s.setbackType, s.template].filter((v) => v.trim() !== '').length;
}

/** Whether anything is asked: text to search for, or a filter. */
export function asksAnything(s: SearchState): boolean {
  return s.text.trim() !== '' || filterCount(s) > 0;
}

/** The line that says what was found. */
export function foundLine(count: number, more: boolean, s: SearchState): string {
  if (!asksAnything(s)) return 'Type a word, or part of one, to look through everything you have written.';
  if (count === 0) return s.text.trim() === '' ? 'No entries match these filters.' : 'Nothing found. Fewer or shorter words may find more.';
  const n = more ? `${count} or more entries` : count === 1 ? '1 entry' : `${count} entries`;
  return s.text.trim() === '' ? `${n}, newest first.` : `${n} found, closest match first.`;
}

/** A snippet's parts, with runs of white space (line breaks included) shown as one space. */
export function snippetParts(parts: Part[]): Part[] {
  return parts.map((p) => ({ text: p.text.replace(/\s+/g, ' '), matched: p.matched }));
}
