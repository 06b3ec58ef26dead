import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { venueContract } from '../../../../shared/venue';
import { announceVenueChange, venueApi } from '../../api/venueApi';
import { ErrorMessage } from '../ErrorMessage';
import { FieldError } from '../FieldError';

type JoinValues = { url: string; code: string };
const resolver = zodResolver(venueContract['peers:add'].input);

/**
 * Joins another laptop with the address and the one-time code its venue screen shows; validated by
 * the contract's schema, as the core validates it. A laptop picked from the nearby list fills the
 * address (`prefill`), and the code is still typed from the other screen.
 */
export function JoinLaptopForm({ prefill }: { prefill: { url: string; at: number } | undefined }) {
  const { t } = useTranslation();
  const form = useForm<JoinValues, unknown, JoinValues>({ defaultValues: { url: '', code: '' }, resolver });
  const { register, handleSubmit, formState, setValue, setFocus, reset, setError: setFieldError } = form;
  const [error, setError] = useState<AppError>();
  // What was done, worded at each render: a switch of language rewords it.
  const [done, setDone] = useState<string>();

  useEffect(() => {
    if (!prefill) return;
    setValue('url', prefill.url, { shouldValidate: false });
    setFocus('code');
  }, [prefill, setValue, setFocus]);

  const submit = handleSubmit(async (values) => {
    setError(undefined);
    setDone(undefined);
    const result = await venueApi['peers:add']({ url: values.url.trim(), code: values.code.trim() });
    if (!result.ok) {
      const issues = result.error.issues ?? [];
      for (const issue of issues) if (issue.path === 'url' || issue.path === 'code') setFieldError(issue.path, { message: issue.message });
      if (!issues.some((i) => i.path === 'url' || i.path === 'code')) setError(result.error);
      return;
    }
    reset();
    setDone(result.value.name);
    announceVenueChange();
  });

  const errors = formState.errors;
  const invalid = (name: keyof JoinValues) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `join-${name}-error` } : {});
  return (
    <section className="venue-join" aria-labelledby="join-title">
      <h2 id="join-title">{t('venue.joinTitle')}</h2>
      <p className="hint">{t('venue.joinHint')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label className="field">
          <span>{t('venue.laptopUrl')}</span>
          <input dir="ltr" autoComplete="off" spellCheck={false} {...register('url')} {...invalid('url')} />
          <FieldError id="join-url-error" error={errors.url} />
        </label>
        <label className="field">
          <span>{t('venue.pairingCode')}</span>
          <input dir="ltr" className="code-input" inputMode="numeric" autoComplete="one-time-code" maxLength={6} {...register('code')} {...invalid('code')} />
          <FieldError id="join-code-error" error={errors.code} />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {t('venue.join')}
          </button>
        </div>
      </form>
      {error && <ErrorMessage error={error} />}
      <p role="status">{done === undefined ? '' : t('venue.joined', { name: done })}</p>
    </section>
  );
}
