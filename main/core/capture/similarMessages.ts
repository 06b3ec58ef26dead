import type { Database } from 'better-sqlite3';
import { liveMessageTexts } from '../store/keyMessages';
import { tokensOf } from './messageTokens';

export interface SimilarPair {
  a: string;
  b: string;
  score: number;
}

export interface SimilarOptions {
  /** Cosine similarity from which two messages are suggested as saying the same thing. */
  threshold?: number;
  limit?: number;
}

/** Pairs of the forum's live key messages that likely say the same thing, best first. */
export function duplicates(db: Database, forumId: string, options: SimilarOptions = {}): SimilarPair[] {
  return similarPairs(liveMessageTexts(db, forumId), options);
}

type Vector = Array<[string, number]>;

/**
 * TF-IDF cosine, computed here (no network, no model): words every message uses weigh little,
 * the rare ones two messages share weigh much. Each language of a message is a vector of its
 * own, and two messages score the best of their languages in common: a message translated into
 * six languages then matches a one-language paraphrase as well as its source text does, where
 * one vector over all languages would dilute the match sixfold. Only pairs sharing a term are
 * ever scored (an inverted index), and memory stays linear in the number of messages.
 * `docs` come in agenda order; each pair names the earlier message first.
 */
export function similarPairs(docs: ReadonlyArray<{ id: string; text: Record<string, string> }>, options: SimilarOptions = {}): SimilarPair[] {
  const threshold = options.threshold ?? 0.35;
  const limit = options.limit ?? 50;
  // Per message, per language (primary subtag): term counts; a term is `lang:word`.
  const counts = docs.map((doc) => {
    const byLang = new Map<string, Map<string, number>>();
    for (const [tag, text] of Object.entries(doc.text)) {
      const lang = tag.toLowerCase().split('-')[0] ?? tag;
      const tf = byLang.get(lang) ?? new Map<string, number>();
      for (const token of tokensOf(text, lang)) tf.set(`${lang}:${token}`, (tf.get(`${lang}:${token}`) ?? 0) + 1);
      byLang.set(lang, tf);
    }
    return [...byLang.values()];
  });
  const df = new Map<string, number>();
  for (const langs of counts) for (const tf of langs) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);

  const vectors: Vector[][] = [];
  const postings = new Map<string, Array<{ doc: number; weight: number }>>();
  counts.forEach((langs, doc) => {
    vectors.push(langs.map((tf) => unit(tf, df, docs.length)));
    for (const vector of vectors[doc] ?? []) {
      for (const [term, weight] of vector) {
        const list = postings.get(term) ?? [];
        list.push({ doc, weight });
        postings.set(term, list);
      }
    }
  });

  // Each message's dot products with the later ones, one language at a time in a reused row.
  const row = new Float64Array(docs.length);
  const best = new Float64Array(docs.length);
  const pairs: Array<{ i: number; j: number; score: number }> = [];
  vectors.forEach((langs, i) => {
    const met = new Set<number>();
    for (const vector of langs) {
      const touched: number[] = [];
      for (const [term, w] of vector) {
        for (const { doc, weight } of postings.get(term) ?? []) {
          if (doc <= i) continue;
          if (row[doc] === 0) touched.push(doc);
          row[doc] = (row[doc] ?? 0) + w * weight;
        }
      }
      for (const j of touched) {
        best[j] = Math.max(best[j] ?? 0, row[j] ?? 0);
        row[j] = 0;
        met.add(j);
      }
    }
    for (const j of met) {
      const score = best[j] ?? 0;
      if (score >= threshold) pairs.push({ i, j, score });
      best[j] = 0;
    }
  });
  pairs.sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);
  return pairs.slice(0, limit).map(({ i, j, score }) => ({
    a: docs[i]?.id ?? '',
    b: docs[j]?.id ?? '',
    // Rounded so the same texts give the same figure whatever the order of additions.
    score: Math.min(1, Math.round(score * 1000) / 1000),
  }));
}

/** Weights (sublinear term frequency times inverse document frequency), scaled to length one. */
function unit(tf: Map<string, number>, df: Map<string, number>, total: number): Vector {
  const weights = [...tf].map(([term, n]): [string, number] => [term, (1 + Math.log(n)) * Math.log(1 + total / (df.get(term) ?? 1))]);
  const norm = Math.sqrt(weights.reduce((sum, [, w]) => sum + w * w, 0));
  return norm === 0 ? [] : weights.map(([term, w]): [string, number] => [term, w / norm]);
}
