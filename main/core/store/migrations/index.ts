import { m001ChangeLogAndForums } from './m001_changeLogAndForums';
import { m002AgendaCaptureDrafting } from './m002_agendaCaptureDrafting';
import { m003SyncState } from './m003_syncState';
import { m004ParticipantDetails } from './m004_participantDetails';
import { m005ParticipantIndexes } from './m005_participantIndexes';
import { m006CaptureAndSearch } from './m006_captureAndSearch';
import { m007Drafting } from './m007_drafting';
import { m008HeldChanges } from './m008_heldChanges';
import { m009ChangeBlocks } from './m009_changeBlocks';
import { m010Erasure } from './m010_erasure';
import { m011PlainSortKeys } from './m011_plainSortKeys';
import { m012DeferredSearch } from './m012_deferredSearch';
import { m013LeanParticipantIndexes } from './m013_leanParticipantIndexes';
import { m014ParticipantPosition } from './m014_participantPosition';
import { m015DocumentKinds } from './m015_documentKinds';
import { m016GeneratedParagraphs } from './m016_generatedParagraphs';
import { m017DocumentFrame } from './m017_documentFrame';
import { m018Roles } from './m018_roles';
import { m019VenuePeers } from './m019_venuePeers';
import { m020Companion } from './m020_companion';
import { m021ParagraphRoles } from './m021_paragraphRoles';
import { m022Issuances } from './m022_issuances';
import { m023Decisions } from './m023_decisions';
import { m024Speakers } from './m024_speakers';
import { m025NotesByForumSession } from './m025_notesByForumSession';
import { m026LeanChangeIndexes } from './m026_leanChangeIndexes';
import { m027DeferredSearchUpdates } from './m027_deferredSearchUpdates';
import type { Migration } from './migration';

/** Applied in this order; a database whose user_version is past the last one is refused. */
export const migrations: readonly Migration[] = [
  m001ChangeLogAndForums,
  m002AgendaCaptureDrafting,
  m003SyncState,
  m004ParticipantDetails,
  m005ParticipantIndexes,
  m006CaptureAndSearch,
  m007Drafting,
  m008HeldChanges,
  m009ChangeBlocks,
  m010Erasure,
  m011PlainSortKeys,
  m012DeferredSearch,
  m013LeanParticipantIndexes,
  m014ParticipantPosition,
  m015DocumentKinds,
  m016GeneratedParagraphs,
  m017DocumentFrame,
  m018Roles,
  m019VenuePeers,
  m020Companion,
  m021ParagraphRoles,
  m022Issuances,
  m023Decisions,
  m024Speakers,
  m025NotesByForumSession,
  m026LeanChangeIndexes,
  m027DeferredSearchUpdates,
];

export const latestVersion = migrations.length;
