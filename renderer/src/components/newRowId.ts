/**
 * An id for a row the client creates (a note, a paragraph, an amendment), so a create retried
 * after a lost answer names the same row and never makes two. Made without randomUUID, which
 * needs a secure page (tablets on a venue's network may not have one), and grouped by window so
 * that merging a laptop's work stays quick (see shared/rowIds.ts).
 */
export { newRowId } from '../../../shared/rowIds';
