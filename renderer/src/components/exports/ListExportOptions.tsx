import { useTranslation } from 'react-i18next';
import { agendaFormats, paperSizes, participantFormats, type PaperSize } from '../../../../shared/exports';
import { languageLabel } from '../agenda/agendaFormat';
import { ChoiceGroup } from './ChoiceGroup';

export type ListKind = 'agenda' | 'participants' | 'participation';
export type ListFormat = (typeof agendaFormats)[number] | (typeof participantFormats)[number];
export interface ListChoices {
  format: ListFormat;
  lang: string;
  paper: PaperSize;
}

export const formatsOf: Record<ListKind, readonly ListFormat[]> = { agenda: agendaFormats, participants: participantFormats, participation: ['docx'] };

interface Props {
  kind: ListKind;
  languages: readonly string[];
  value: ListChoices;
  onChange(value: ListChoices): void;
}

/** The agenda, participant list or participation figures: format, one language, paper. */
export function ListExportOptions({ kind, languages, value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const set = (patch: Partial<ListChoices>) => onChange({ ...value, ...patch });
  const formats = formatsOf[kind];
  const csv = value.format === 'csv';
  return (
    <>
      {formats.length > 1 && (
        <ChoiceGroup legend={t('exports.format.legend')} options={formats} value={value.format} label={(f) => t(`exports.format.${f}`)} onChange={(format) => set({ format })} />
      )}
      {csv ? (
        <p className="hint">{t('exports.csvHint')}</p>
      ) : (
        <ChoiceGroup legend={t('exports.language.legend')} options={languages} value={value.lang} label={(l) => languageLabel(l, i18n.language)} onChange={(lang) => set({ lang })} />
      )}
      {kind === 'agenda' && (
        <ChoiceGroup legend={t('exports.paper.legend')} options={paperSizes} value={value.paper} label={(p) => t(`exports.paper.${p}`)} onChange={(paper) => set({ paper })} />
      )}
    </>
  );
}
