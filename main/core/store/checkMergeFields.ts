import { mergeFieldNames, unknownMergeFields } from '../../../shared/mergeFields';
import type { FieldIssue } from '../../../shared/result';
import { CoreError } from '../errors';

/**
 * Refuses texts naming a merge field that does not exist (`{{forum.titel}}`), before anything is
 * written: at export it would print as typed. `texts` are keyed by their issue path ("text.en").
 */
export function checkMergeFields(texts: Record<string, string | undefined>): void {
  const issues: FieldIssue[] = [];
  const names = new Set<string>();
  for (const [path, text] of Object.entries(texts)) {
    const unknown = unknownMergeFields(text ?? '');
    if (unknown.length === 0) continue;
    issues.push({ path, message: 'validation.unknownMergeField' });
    for (const name of unknown) names.add(`{{${name}}}`);
  }
  if (issues.length === 0) return;
  const known = mergeFieldNames.map((name) => `{{${name}}}`).join(', ');
  throw new CoreError('invalid_input', `${[...names].join(', ')} ${names.size === 1 ? 'names' : 'name'} no merge field; the fields are ${known}.`, issues);
}
