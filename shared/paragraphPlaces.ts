import { maxParagraphLevel, type ParagraphPlace, type ParagraphRole, type RoleNumbering } from './paragraphPlace';

// Reads a document's numbering from its rows each time: nothing about a number is stored, so
// two laptops that moved, indented or agreed different paragraphs print the same numbers once
// their changes meet, and a move renumbers the paragraphs and every reference to them. The core
// reads it from the stored rows; the drafting screen from the paragraphs it holds, to renumber
// at once after an add, a move or a deletion.

export interface PlacedRow {
  id: string;
  kind: string;
  status: string;
  role: string | null;
  level: number | null;
  alternative_of: string | null;
  withdrawn: number | null;
}

export interface Placed<R extends PlacedRow> {
  row: R;
  /** The paragraph whose place it takes (itself, or the paragraph it is an alternative of). */
  base: R;
  place: ParagraphPlace;
  /** The level it prints at: never deeper than one below the paragraph before it. */
  level: number;
  /** The paragraph it is an alternative of, while the alternatives are under negotiation. */
  alternativeOf: string | null;
  /** Bracketed as one of several alternatives still under negotiation. */
  inNegotiation: boolean;
}

export interface StatusCounts {
  agreed: number;
  adRef: number;
  bracketed: number;
  open: number;
}

export interface Placement<R extends PlacedRow> {
  /** The paragraphs shown, in order: each followed by its alternatives (5, 5 bis, 5 ter). */
  shown: Array<Placed<R>>;
  /** Every live paragraph's place, withdrawn alternatives too (a reference to one prints its paragraph's). */
  places: Map<string, ParagraphPlace>;
  counts: StatusCounts;
}

export const asRole = (role: string | null): ParagraphRole | null => (role === 'preambular' || role === 'operative' ? role : null);

const levelOf = (level: number | null): number => Math.max(0, Math.min(maxParagraphLevel, level ?? 0));

/**
 * `rows`: the document's live paragraphs (alternatives and withdrawn ones included) in position
 * order. An alternative whose paragraph is gone (deleted on another laptop) is not shown, nor is
 * an alternative of an alternative (refused here, but a bundle may carry one).
 */
export function placeParagraphs<R extends PlacedRow>(rows: readonly R[], roleNumbering: RoleNumbering): Placement<R> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const alternatives = new Map<string, R[]>();
  for (const row of rows) {
    const base = row.alternative_of === null ? undefined : byId.get(row.alternative_of);
    if (!base || base.alternative_of !== null) continue;
    alternatives.set(base.id, [...(alternatives.get(base.id) ?? []), row]);
  }
  const shown: Array<Placed<R>> = [];
  const places = new Map<string, ParagraphPlace>();
  const counts: StatusCounts = { agreed: 0, adRef: 0, bracketed: 0, open: 0 };
  const counters = new Map<string, number>();
  let previousLevel = -1;
  let parent: ParagraphPlace = { number: null, countedAs: null, suffix: 0, path: [] };
  let sub: number[] = [];

  for (const base of rows) {
    if (base.alternative_of !== null) continue;
    const members = [base, ...(alternatives.get(base.id) ?? [])];
    const live = members.filter((m) => !m.withdrawn);
    const visible = live.length > 0 ? live : [base];
    const head = visible[0] ?? base;
    const heading = head.kind === 'heading';
    const level = heading ? 0 : Math.min(levelOf(head.level), previousLevel + 1);
    let place: ParagraphPlace;
    if (level === 0) {
      const role = asRole(head.role);
      const key = roleNumbering === 'separate' && role ? role : 'all';
      const numbered = head.kind === 'numbered';
      const number = numbered ? (counters.get(key) ?? 0) + 1 : null;
      if (number !== null) counters.set(key, number);
      place = { number, countedAs: numbered && roleNumbering === 'separate' ? role : null, suffix: 0, path: [] };
      parent = place;
      sub = [];
    } else {
      // One counter per level: deeper by one starts at 1, back up carries on the level's count.
      sub = sub.slice(0, level);
      while (sub.length < level) sub.push(0);
      sub[level - 1] = (sub[level - 1] ?? 0) + 1;
      place = { ...parent, path: [...sub] };
    }
    previousLevel = heading ? -1 : level;
    const negotiating = visible.length > 1;
    for (const member of members) {
      const rank = members.indexOf(member);
      const own: ParagraphPlace = negotiating ? { ...place, suffix: rank } : place;
      places.set(member.id, visible.includes(member) ? own : place);
      if (!visible.includes(member)) continue;
      shown.push({ row: member, base, place: own, level, alternativeOf: negotiating && member !== base ? base.id : null, inNegotiation: negotiating });
    }
    if (heading) continue;
    const status = head.status;
    if (negotiating || status === 'bracketed') counts.bracketed += 1;
    else if (status === 'agreed') counts.agreed += 1;
    else if (status === 'agreed_ad_ref') counts.adRef += 1;
    else counts.open += 1;
  }
  return { shown, places, counts };
}

/**
 * The counts from paragraphs as shown (a screen's list): each paragraph once with its alternatives,
 * headings aside; one still negotiated between alternatives counts as bracketed.
 */
export function countStatuses(shown: ReadonlyArray<{ kind: string; status: string; alternativeOf: string | null; inNegotiation: boolean }>): StatusCounts {
  const counts: StatusCounts = { agreed: 0, adRef: 0, bracketed: 0, open: 0 };
  for (const p of shown) {
    if (p.kind === 'heading' || p.alternativeOf !== null) continue;
    if (p.inNegotiation || p.status === 'bracketed') counts.bracketed += 1;
    else if (p.status === 'agreed') counts.agreed += 1;
    else if (p.status === 'agreed_ad_ref') counts.adRef += 1;
    else counts.open += 1;
  }
  return counts;
}
