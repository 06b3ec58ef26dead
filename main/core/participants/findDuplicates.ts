import type { ImportDuplicate } from '../../../shared/participantImport';
import type { ParticipantInput } from '../../../shared/participants';
import { foldKey, remembered } from './foldKey';
import { maxLanguages, type ParticipantRow } from './participantRows';

export type DuplicatePolicy = 'skip' | 'merge';

/** Who a row or a listed participant stands for: a listed person, or the first row of a new one. */
interface Target {
  existingId: string | null;
  /** The first line of the file naming this person, null for someone only listed. */
  line: number | null;
  /** Index of the row that creates this person, when it is new. */
  row: number | null;
  /** The addresses the person is known by so far (folded). */
  emails: Set<string>;
}

export type RowPlan =
  | { status: 'error' }
  | { status: 'new' }
  /** Same name and organisation but another address, not confirmed by the user: created as new. */
  | { status: 'review' }
  /** `existingId` for someone listed, else `intoRow`: the earlier row creating the same person. */
  | { status: 'merge' | 'skip'; existingId: string | null; intoRow: number | null };

export interface DuplicatePlan {
  plans: RowPlan[];
  duplicates: ImportDuplicate[];
}

export interface ListedParticipant {
  id: string;
  name: string;
  organisation: string;
  email: string;
}

const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * Decides, in one pass with two maps, which rows name someone already listed or named by an
 * earlier row: the same email (case aside), or the same name and organisation once case, accents,
 * punctuation and spacing are folded. A duplicate row takes on the person its match stands for,
 * so a third row matching the second by name reaches the listed person the second matched by email.
 */
export function findDuplicates(
  listed: readonly ListedParticipant[],
  rows: readonly ParticipantRow[],
  policy: DuplicatePolicy,
  samePerson: ReadonlySet<number> = new Set(),
): DuplicatePlan {
  // A name is required, so a key is never empty; two people without an organisation still match by name.
  const organisationKey = remembered(foldKey);
  const nameKey = (name: string, organisation: string) => `${foldKey(name)}\u0000${organisationKey(organisation)}`;
  const byEmail = new Map<string, Target>();
  const byName = new Map<string, Target>();
  const remember = (target: Target, email: string, name: string, organisation: string) => {
    const e = emailKey(email);
    if (e) target.emails.add(e);
    if (e && !byEmail.has(e)) byEmail.set(e, target);
    const n = nameKey(name, organisation);
    if (!byName.has(n)) byName.set(n, target);
  };
  for (const p of listed) remember({ existingId: p.id, line: null, row: null, emails: new Set() }, p.email, p.name, p.organisation);

  const plans: RowPlan[] = [];
  const duplicates: ImportDuplicate[] = [];
  rows.forEach((row, index) => {
    if (row.hasError) {
      plans.push({ status: 'error' });
      return;
    }
    const { name, organisation, email } = row.input;
    const e = emailKey(email);
    const byEmailMatch = e ? byEmail.get(e) : undefined;
    const match = byEmailMatch ?? byName.get(nameKey(name, organisation));
    if (!match) {
      plans.push({ status: 'new' });
      remember({ existingId: null, line: row.line, row: index, emails: new Set() }, email, name, organisation);
      return;
    }
    // Two addresses under one name and organisation may be two people (namesakes, a colleague
    // registered by an assistant): never skipped or merged silently, the user decides.
    const otherEmail = !byEmailMatch && e !== '' && match.emails.size > 0 && !match.emails.has(e);
    const found = { line: row.line, existingId: match.existingId, otherLine: match.line, name };
    if (otherEmail) {
      const confirmed = samePerson.has(row.line);
      duplicates.push({ ...found, reason: 'sameNameOtherEmail', confirmed });
      if (!confirmed) {
        plans.push({ status: 'review' });
        remember({ existingId: null, line: row.line, row: index, emails: new Set() }, email, name, organisation);
        return;
      }
    } else {
      duplicates.push({ ...found, reason: byEmailMatch ? 'email' : 'nameOrganisation' });
    }
    plans.push({ status: policy, existingId: match.existingId, intoRow: match.row });
    remember(match, email, name, organisation);
  });
  return { plans, duplicates };
}

/**
 * What merging `from` into `into` gives: empty fields filled, roles and languages united, what
 * `into` already says kept. A language list stays within the form's limit.
 */
export function mergeInput(into: ParticipantInput, from: ParticipantInput): ParticipantInput {
  return {
    name: into.name || from.name,
    organisation: into.organisation || from.organisation,
    position: into.position || from.position,
    orgType: into.orgType ?? from.orgType,
    country: into.country || from.country,
    gender: into.gender ?? from.gender,
    roles: [...new Set([...into.roles, ...from.roles])],
    email: into.email || from.email,
    languages: [...new Set([...into.languages, ...from.languages])].slice(0, maxLanguages),
  };
}
