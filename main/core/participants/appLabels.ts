import arDocument from '../../../resources/locales/ar/documentText.json';
import arParticipants from '../../../resources/locales/ar/participants.json';
import enDocument from '../../../resources/locales/en/documentText.json';
import enParticipants from '../../../resources/locales/en/participants.json';
import esDocument from '../../../resources/locales/es/documentText.json';
import esParticipants from '../../../resources/locales/es/participants.json';
import frDocument from '../../../resources/locales/fr/documentText.json';
import frParticipants from '../../../resources/locales/fr/participants.json';
import ruDocument from '../../../resources/locales/ru/documentText.json';
import ruParticipants from '../../../resources/locales/ru/participants.json';
import zhDocument from '../../../resources/locales/zh/documentText.json';
import zhParticipants from '../../../resources/locales/zh/participants.json';

// The labels Plenary itself prints (screens and exported documents, six languages) must read back
// on import: a list exported in Russian and imported again keeps every type, gender and role.
// They are read from the locale files rather than copied, so a relabel cannot break the round trip.

type Tree = { readonly [key: string]: unknown };
export type LabelGroup = 'orgType' | 'gender' | 'role';

const trees: readonly unknown[] = [
  arDocument, arParticipants, enDocument, enParticipants, esDocument, esParticipants,
  frDocument, frParticipants, ruDocument, ruParticipants, zhDocument, zhParticipants,
];

/** i18next context and plural suffixes a label key may carry ("speaker_female", "chair_male"). */
const suffix = /_(female|male|other|undisclosed)$/;

/**
 * Every label under a key named `group` whose keys are among `codes`, as [label, code] pairs.
 * Objects under that name holding other keys (a "role" heading elsewhere) are skipped.
 */
export function appLabels<C extends string>(group: LabelGroup, codes: readonly C[]): Array<[string, C]> {
  const known = new Set<string>(codes);
  const found: Array<[string, C]> = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Tree)) {
      if (key === group && value && typeof value === 'object') {
        for (const [code, label] of Object.entries(value as Tree)) {
          const base = known.has(code) ? code : code.replace(suffix, '');
          if (known.has(base) && typeof label === 'string' && label.trim()) found.push([label, base as C]);
        }
      }
      visit(value);
    }
  };
  for (const tree of trees) visit(tree);
  return found;
}
