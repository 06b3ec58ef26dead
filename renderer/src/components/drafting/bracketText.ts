/** A run of a paragraph's text, inside [square brackets] (disputed, as in UN negotiation texts) or not. */
export interface TextRun {
  text: string;
  bracketed: boolean;
}

/** Splits text at its brackets; the brackets stay in the text, so what is read is what is stored. */
export function bracketRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let depth = 0;
  let current = '';
  const push = (bracketed: boolean) => {
    if (current) runs.push({ text: current, bracketed });
    current = '';
  };
  for (const char of text) {
    if (char === '[') {
      if (depth === 0) push(false);
      depth += 1;
      current += char;
    } else if (char === ']' && depth > 0) {
      current += char;
      depth -= 1;
      if (depth === 0) push(true);
    } else {
      current += char;
    }
  }
  // An opening bracket never closed still marks what follows as disputed.
  push(depth > 0);
  return runs;
}

export function hasBrackets(text: string): boolean {
  return /\[[^\]]*\]/.test(text);
}

/**
 * The text with the selected words put in [brackets]: spaces at either end of the selection stay
 * outside, so "the [rural] areas" and not "the[ rural ]areas". Nothing selected: null.
 */
export function bracketSelection(text: string, start: number, end: number): { text: string; start: number; end: number } | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from] ?? '')) from += 1;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to -= 1;
  if (from === to) return null;
  const words = text.slice(from, to);
  // Already bracketed exactly: leave it as it is rather than nest a second pair.
  if (text[from - 1] === '[' && text[to] === ']') return { text, start: from - 1, end: to + 1 };
  if (words.startsWith('[') && words.endsWith(']')) return { text, start: from, end: to };
  return { text: `${text.slice(0, from)}[${words}]${text.slice(to)}`, start: from, end: to + 2 };
}
