import { z } from 'zod';
import { rowId } from './agenda';
import { forumId } from './forum';
import { languageTagPattern } from './languages';

// The participant companion (issue 17): a read-only page the venue laptop serves to phones. What
// it shows that is forum data (announcements, the paragraph on the projector) travels through the
// change log like any forum row; its link is this laptop's own secret, never synced.

export const maxAnnouncementChars = 2000;

const lang = z.string().regex(languageTagPattern, 'validation.languageTag');

export const announcement = z.object({
  id: z.string(),
  forumId: z.string(),
  text: z.string(),
  /** The language the text is written in: the page sets `lang`/`dir` from it. */
  lang: z.string(),
  postedBy: z.string(),
  postedAt: z.string(),
  withdrawn: z.boolean(),
});
export type Announcement = z.infer<typeof announcement>;

/** What the draft projector shows now in a forum; null fields when it shows nothing. */
export const projection = z.object({
  forumId: z.string(),
  documentId: z.string().nullable(),
  paragraphId: z.string().nullable(),
  shownAt: z.string().nullable(),
});
export type Projection = z.infer<typeof projection>;

export const companionLink = z.object({
  forumId: z.string(),
  token: z.string(),
  /** The path under the companion server: `/c/<token>/`. */
  path: z.string(),
  /** The whole address phones open (and its QR code) while venue mode is on here; null while it is off. */
  url: z.string().nullable(),
  createdAt: z.string(),
});
export type CompanionLink = z.infer<typeof companionLink>;

export const companionContract = {
  /** The forum's announcements, newest first; withdrawn ones too (the page shows live ones only). */
  'announcements:list': {
    input: z.object({ forumId }).strict(),
    output: z.array(announcement),
  },
  'announcements:post': {
    input: z
      .object({
        forumId,
        /** Chosen by the client, so a post retried after a lost answer never makes two. */
        id: rowId.optional(),
        text: z.string().trim().min(1, 'validation.required').max(maxAnnouncementChars, 'validation.tooLong'),
        lang,
        postedBy: z.string().trim().max(200, 'validation.tooLong').optional(),
      })
      .strict(),
    output: announcement,
  },
  'announcements:withdraw': {
    input: z.object({ id: rowId, withdrawn: z.boolean().optional() }).strict(),
    output: announcement,
  },
  /** The draft projector moved to this paragraph (or, with nulls, shows nothing). */
  'projector:show': {
    input: z.object({ forumId, documentId: rowId.nullable(), paragraphId: rowId.nullable() }).strict(),
    output: projection,
  },
  'projector:current': {
    input: z.object({ forumId }).strict(),
    output: projection,
  },
  /** This laptop's companion link for the forum, made on first ask. */
  'companion:link': {
    input: z.object({ forumId }).strict(),
    output: companionLink,
  },
  /** A new link; the old one stops working at once. */
  'companion:revoke': {
    input: z.object({ forumId }).strict(),
    output: companionLink,
  },
} as const;

// What the companion server answers (GET only, JSON). Plain types: the page imports them without zod.

/** Multilingual text already picked in the asked language, with the language it is in. */
export interface PickedText {
  text: string;
  lang: string;
  /** The asked language had none: this is the source (or another) language's text. */
  fallback: boolean;
}

export interface CompanionForum {
  title: PickedText;
  venue: PickedText;
  startDate: string;
  endDate: string;
  timeZone: string;
  languages: string[];
  sourceLanguage: string;
  /** The language the texts below were picked in. */
  lang: string;
}

export interface CompanionSession {
  id: string;
  day: string;
  startTime: string;
  endTime: string;
  title: PickedText;
  room: PickedText;
  /** Names on the programme only: chairs, moderators, speakers. */
  people: Array<{ role: 'chair' | 'moderator' | 'speaker'; name: string }>;
}

export interface CompanionAgenda {
  /** The venue's clock when answered: its day and minute in the forum's time zone. */
  moment: { day: string; time: string };
  sessions: CompanionSession[];
  /** Ids of the sessions running now, and of those starting next. */
  now: string[];
  next: string[];
}

export interface CompanionParagraph {
  documentId: string | null;
  documentTitle: PickedText | null;
  /** "First," / "1." as the document numbers it in the language; '' for unnumbered paragraphs. */
  label: string;
  number: number | null;
  text: PickedText | null;
  shownAt: string | null;
}

export interface CompanionAnnouncement {
  id: string;
  text: string;
  lang: string;
  postedAt: string;
}

export interface CompanionDocument {
  id: string;
  title: PickedText;
  /** Path (relative to the page) to download it as HTML in the asked language. */
  href: string;
}
