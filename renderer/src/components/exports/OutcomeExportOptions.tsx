import { explanationPlacements } from '../../../../shared/decisions';
import { useTranslation } from 'react-i18next';
import { exportVariants, outcomeFormats, paperSizes, type OutcomeExportInput } from '../../../../shared/exports';
import { languageLabel } from '../agenda/agendaFormat';
import { ChoiceGroup } from './ChoiceGroup';
import { moveEarlier, withLanguage, withoutLanguage } from './exportLanguages';
import { MissingTranslations } from './MissingTranslations';

export type OutcomeChoices = Omit<OutcomeExportInput, 'documentId' | 'exportId'>;

interface Props {
  documentId: string;
  /** Working languages, source first. */
  languages: readonly string[];
  value: OutcomeChoices;
  onChange(value: OutcomeChoices): void;
  insist: boolean;
}

/** Format, language or languages (several = parallel columns), version, annexes and paper. */
export function OutcomeExportOptions({ documentId, languages, value, onChange, insist }: Props) {
  const { t, i18n } = useTranslation();
  const set = (patch: Partial<OutcomeChoices>) => onChange({ ...value, ...patch });
  // Columns (and the file name) follow the source-first order unless the user moves a language.
  const toggleLanguage = (lang: string, on: boolean) =>
    set({ languages: on ? withLanguage(value.languages, lang, languages) : withoutLanguage(value.languages, lang) });
  return (
    <>
      <ChoiceGroup legend={t('exports.format.legend')} options={outcomeFormats} value={value.format} label={(f) => t(`exports.format.${f}`)} onChange={(format) => set({ format })} />
      <fieldset className="export-choices" aria-describedby="export-languages-hint">
        <legend>{t('exports.languages.legend')}</legend>
        {languages.map((lang) => (
          <label key={lang} className="checkbox">
            <input type="checkbox" checked={value.languages.includes(lang)} onChange={(event) => toggleLanguage(lang, event.target.checked)} />
            <span>{languageLabel(lang, i18n.language)}</span>
          </label>
        ))}
        <p id="export-languages-hint" className="hint">
          {t('exports.languages.hint')}
        </p>
        {value.languages.length > 1 && (
          <div className="export-column-order">
            <span id="export-column-order">{t('exports.languages.order')}</span>
            <ol aria-labelledby="export-column-order">
              {value.languages.map((lang, index) => (
                <li key={lang}>
                  <span>{languageLabel(lang, i18n.language)}</span>{' '}
                  {index > 0 && (
                    <button type="button" className="small" aria-label={t('exports.languages.moveEarlier', { language: languageLabel(lang, i18n.language) })} onClick={() => set({ languages: moveEarlier(value.languages, lang) })}>
                      {t('exports.languages.earlier')}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </div>
        )}
        {value.languages.length === 0 && (
          <p role="alert" className="field-error">
            {t('exports.languages.none')}
          </p>
        )}
      </fieldset>
      {value.languages.length > 0 && (
        <MissingTranslations documentId={documentId} languages={value.languages} fallback={value.fallback} onFallback={(fallback) => set({ fallback })} insist={insist} />
      )}
      <ChoiceGroup legend={t('exports.variant.legend')} options={exportVariants} value={value.variant} label={(v) => t(`exports.variant.${v}`)} onChange={(variant) => set({ variant })} />
      <fieldset className="export-choices">
        <legend>{t('exports.annexes.legend')}</legend>
        {(['participation', 'provenance', 'decisions'] as const).map((annex) => (
          <label key={annex} className="checkbox">
            <input
              type="checkbox"
              checked={value.annexes[annex] === true}
              onChange={(event) => set({ annexes: { ...value.annexes, [annex]: event.target.checked } })}
            />
            <span>{t(`exports.annexes.${annex}`)}</span>
          </label>
        ))}
      </fieldset>
      <ChoiceGroup
        legend={t('exports.explanations.legend')}
        options={explanationPlacements}
        value={value.explanations ?? 'footnotes'}
        label={(p) => t(`exports.explanations.${p}`)}
        onChange={(explanations) => set({ explanations })}
      />
      {(value.format === 'pdf' || value.format === 'docx' || value.format === 'html') && (
        <ChoiceGroup legend={t('exports.paper.legend')} options={paperSizes} value={value.paper} label={(p) => t(`exports.paper.${p}`)} onChange={(paper) => set({ paper })} />
      )}
    </>
  );
}
