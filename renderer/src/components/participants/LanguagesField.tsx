import { useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { uiLanguages } from '../../../../shared/languages';
import type { ParticipantInput } from '../../../../shared/participants';
import { languageName } from '../../i18n/languageName';
import { FieldError } from '../FieldError';

type Form = UseFormReturn<ParticipantInput, unknown, ParticipantInput>;

/** The first message among the list's own error and its entries' errors. */
function firstMessage(errors: Form['formState']['errors']['languages']): { message?: string } | undefined {
  if (!errors) return undefined;
  if (errors.message) return errors;
  return Object.values(errors).find((e): e is { message?: string } => typeof e === 'object' && e !== null && 'message' in e);
}

/** The six UN languages as checkboxes, plus any other language code a participant speaks. */
export function LanguagesField({ form }: { form: Form }) {
  const { t, i18n } = useTranslation();
  const chosen = useWatch({ control: form.control, name: 'languages' });
  const [other, setOther] = useState('');
  const offered = [...uiLanguages, ...chosen.filter((code) => !(uiLanguages as readonly string[]).includes(code))];
  const set = (next: string[]) => form.setValue('languages', next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  const toggle = (code: string, on: boolean) => set(on ? [...chosen, code] : chosen.filter((c) => c !== code));
  const addOther = () => {
    const code = other.trim().toLowerCase();
    if (!code) return;
    if (!chosen.includes(code)) set([...chosen, code]);
    setOther('');
  };

  return (
    <fieldset className="languages-field" aria-describedby="languages-error">
      <legend>{t('participants.field.languages')}</legend>
      <div className="checkbox-row">
        {offered.map((code) => (
          <label key={code} className="checkbox">
            <input type="checkbox" checked={chosen.includes(code)} onChange={(event) => toggle(code, event.target.checked)} />
            {languageName(code, i18n.language)}
          </label>
        ))}
      </div>
      <div className="inline-field">
        <label className="field">
          <span>{t('participants.form.otherLanguage')}</span>
          <input
            value={other}
            maxLength={35}
            dir="ltr"
            aria-describedby="other-language-hint"
            onChange={(event) => setOther(event.target.value)}
            onKeyDown={(event) => {
              // Enter adds the language here rather than saving the whole form.
              if (event.key !== 'Enter') return;
              event.preventDefault();
              addOther();
            }}
          />
        </label>
        <button type="button" onClick={addOther}>
          {t('participants.form.addLanguage')}
        </button>
      </div>
      <p id="other-language-hint" className="hint">
        {t('participants.form.otherLanguageHint')}
      </p>
      <FieldError id="languages-error" error={firstMessage(form.formState.errors.languages)} />
    </fieldset>
  );
}
