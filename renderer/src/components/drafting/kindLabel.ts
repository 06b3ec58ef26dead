import type { TFunction } from 'i18next';
import { isDocumentKind } from '../../../../shared/documentKinds';

/** The kind's name in the interface; a kind a newer Plenary made is named as such, never hidden. */
export function kindLabel(t: TFunction, kind: string): string {
  return isDocumentKind(kind) ? t(`outcomeKind.${kind}`) : t('outcomeKind.newer', { kind });
}
