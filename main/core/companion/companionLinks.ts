import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { CompanionLink } from '../../../shared/companion';
import { getForum } from '../store/forums';

// A forum's companion link is this laptop's secret, not forum data: kept in a plain local table,
// never in the change log or a bundle. Another laptop serving the companion has its own link.

/** 24 random bytes: a link nobody can guess, short enough for a QR code. */
const newToken = () => randomBytes(24).toString('base64url');
export const tokenPattern = /^[A-Za-z0-9_-]{32}$/;

const toLink = (row: { forum_id: string; token: string; created_at: string }): CompanionLink => ({
  forumId: row.forum_id,
  token: row.token,
  path: `/c/${row.token}/`,
  url: null,
  createdAt: row.created_at,
});

/** The forum's link, made on the first ask. */
export function companionLink(db: Database, forumId: string): CompanionLink {
  getForum(db, forumId);
  const row = db.prepare('SELECT forum_id, token, created_at FROM companion_links WHERE forum_id = ?').get(forumId) as
    | { forum_id: string; token: string; created_at: string }
    | undefined;
  return row ? toLink(row) : revokeCompanionLink(db, forumId);
}

/** A new link for the forum: the old one answers 403 from the next request on. */
export function revokeCompanionLink(db: Database, forumId: string): CompanionLink {
  getForum(db, forumId);
  const row = { forum_id: forumId, token: newToken(), created_at: new Date().toISOString() };
  db.prepare(
    'INSERT INTO companion_links (forum_id, token, created_at) VALUES (?, ?, ?) ON CONFLICT (forum_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at',
  ).run(row.forum_id, row.token, row.created_at);
  return toLink(row);
}

/** The live forum a token opens, if any; a revoked token or a deleted forum opens nothing. */
export function forumOfToken(db: Database, token: string): string | undefined {
  if (!tokenPattern.test(token)) return undefined;
  return db
    .prepare('SELECT l.forum_id FROM companion_links l JOIN forums f ON f.id = l.forum_id AND f.deleted = 0 WHERE l.token = ?')
    .pluck()
    .get(token) as string | undefined;
}

/** The current link of a forum, without making one (the server's `urlFor`). */
export function existingCompanionToken(db: Database, forumId: string): string | undefined {
  return db.prepare('SELECT token FROM companion_links WHERE forum_id = ?').pluck().get(forumId) as string | undefined;
}
