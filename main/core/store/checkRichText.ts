import { richTextProblems, type RichProblemCode } from '../../../shared/richText';
import type { FieldIssue } from '../../../shared/result';
import { CoreError } from '../errors';

/** The message key the screens translate, per problem. */
export const richProblemMessages: Record<RichProblemCode, string> = {
  badLink: 'validation.richBadLink',
  missingNote: 'validation.richMissingNote',
  unusedNote: 'validation.richUnusedNote',
  unclosedMarker: 'validation.richUnclosedMarker',
};

const describe: Record<RichProblemCode, (detail: string) => string> = {
  badLink: (detail) => `the link to "${detail}" is not a web (http, https) or e-mail (mailto) address`,
  missingNote: (detail) => `the note reference [^${detail}] has no note`,
  unusedNote: (detail) => `the note [^${detail}] is not referred to in the text`,
  unclosedMarker: (detail) => `"${detail}" is opened and never closed`,
};

/**
 * Refuses paragraph texts whose rich text (shared/richText) has a problem, before anything is
 * written: an unsafe link, a note reference without its note, a note nothing refers to, bold
 * left open. `texts` are keyed by their issue path ("text.en").
 */
export function checkRichText(texts: Record<string, string | undefined>): void {
  const issues: FieldIssue[] = [];
  const said: string[] = [];
  for (const [path, text] of Object.entries(texts)) {
    const problems = richTextProblems(text ?? '');
    const [first] = problems;
    if (!first) continue;
    issues.push({ path, message: richProblemMessages[first.code] });
    said.push(`${path}: ${problems.map((p) => describe[p.code](p.detail)).join('; ')}`);
  }
  if (issues.length > 0) throw new CoreError('invalid_input', `The text cannot be kept as it is: ${said.join('. ')}.`, issues);
}
