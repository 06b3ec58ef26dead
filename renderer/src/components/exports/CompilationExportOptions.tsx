import { useTranslation } from 'react-i18next';
import { compilationFormats, compilationScopes, type CompilationExportInput } from '../../../../shared/compilation';
import { languageLabel } from '../agenda/agendaFormat';
import { ChoiceGroup } from './ChoiceGroup';

export type CompilationChoices = Omit<CompilationExportInput, 'documentId' | 'exportId'>;

interface Props {
  /** Working languages, source first. */
  languages: readonly string[];
  value: CompilationChoices;
  onChange(value: CompilationChoices): void;
}

/** The compilation text: format, one language (headings and labels too), and which amendments. */
export function CompilationExportOptions({ languages, value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const set = (patch: Partial<CompilationChoices>) => onChange({ ...value, ...patch });
  return (
    <>
      <p className="hint">{t('exports.compilation.hint')}</p>
      <ChoiceGroup legend={t('exports.format.legend')} options={compilationFormats} value={value.format} label={(f) => t(`exports.format.${f}`)} onChange={(format) => set({ format })} />
      <ChoiceGroup legend={t('exports.language.legend')} options={languages} value={value.lang} label={(l) => languageLabel(l, i18n.language)} onChange={(lang) => set({ lang })} />
      <ChoiceGroup
        legend={t('exports.compilation.amendments.legend')}
        options={compilationScopes}
        value={value.amendments}
        label={(scope) => t(`exports.compilation.amendments.${scope}`)}
        onChange={(amendments) => set({ amendments })}
      />
    </>
  );
}
