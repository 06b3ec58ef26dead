import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import type { DraftParagraph } from '../../../../shared/outcome';
import { maxParagraphLevel, paragraphRoles, type ParagraphRole } from '../../../../shared/paragraphPlace';
import type { AppError } from '../../../../shared/result';
import type { Permission } from '../../hooks/useForumRoles';
import { languageLabel } from '../agenda/agendaFormat';
import { ErrorMessage } from '../ErrorMessage';
import { newRowId } from '../newRowId';
import { RoleGate } from '../RoleGate';
import type { ParagraphPatch } from './useDraftState';

interface Props {
  paragraph: DraftParagraph;
  sourceLanguage: string;
  /** Delegations to offer as proposers (the participants' countries and organisations). */
  delegations: readonly string[];
  canDraft: Permission;
  alternativeOpen: boolean;
  onAlternativeOpen(open: boolean): void;
  onChange(patch: ParagraphPatch): Promise<void>;
  onAddAlternative(text: Record<string, string>, proposers: string[], alternativeId: string): Promise<AppError | undefined>;
}

const splitNames = (value: string) =>
  value
    .split(/[,،，;]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');

/**
 * Role (R), level (Alt+→ / Alt+←) and alternatives (B) of the selected paragraph: where a
 * resolution-style text needs more than a kind. An alternative's proposers are edited here too.
 */
export function ParagraphModelFields(props: Props) {
  const { paragraph, sourceLanguage, delegations, canDraft, alternativeOpen, onAlternativeOpen, onChange, onAddAlternative } = props;
  const { t, i18n } = useTranslation();
  const heading = paragraph.kind === 'heading';
  const rtl = i18n.dir() === 'rtl';
  const listId = `delegations-${paragraph.id}`;
  return (
    <div className="paragraph-model">
      <div className="panel-fields">
        <label className="field">
          <span>{t('drafting.model.role')}</span>
          <RoleGate permission={canDraft}>
            {(gate) => (
              <select
                value={paragraph.role ?? ''}
                disabled={heading}
                aria-keyshortcuts="R"
                onChange={(event) => void onChange({ role: (event.target.value || null) as ParagraphRole | null })}
                {...gate}
              >
                <option value="">{t('drafting.model.roles.none')}</option>
                {paragraphRoles.map((role) => (
                  <option key={role} value={role}>
                    {t(`drafting.model.roles.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </RoleGate>
        </label>
        <div className="field level-tools" role="group" aria-label={t('drafting.model.level', { level: paragraph.level })}>
          <span>{t('drafting.model.level', { level: paragraph.level })}</span>
          <RoleGate permission={canDraft}>
            {(gate) => (
              <button type="button" disabled={heading || paragraph.level === 0} aria-keyshortcuts={rtl ? 'Alt+ArrowRight' : 'Alt+ArrowLeft'} onClick={() => void onChange({ level: paragraph.level - 1 })} {...gate}>
                {t('drafting.model.outdent')}
              </button>
            )}
          </RoleGate>
          <RoleGate permission={canDraft}>
            {(gate) => (
              <button
                type="button"
                disabled={heading || paragraph.level >= maxParagraphLevel}
                aria-keyshortcuts={rtl ? 'Alt+ArrowLeft' : 'Alt+ArrowRight'}
                onClick={() => void onChange({ level: paragraph.level + 1 })}
                {...gate}
              >
                {t('drafting.model.indent')}
              </button>
            )}
          </RoleGate>
        </div>
        {!heading && paragraph.alternativeOf === null && !alternativeOpen && (
          <RoleGate permission={canDraft}>
            {(gate) => (
              <button type="button" className="add-alternative" aria-keyshortcuts="B" onClick={() => onAlternativeOpen(true)} {...gate}>
                {t('drafting.alternative.add')}
              </button>
            )}
          </RoleGate>
        )}
      </div>
      <datalist id={listId}>
        {delegations.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {paragraph.alternativeOf !== null && <ProposersField key={paragraph.id} paragraph={paragraph} listId={listId} canDraft={canDraft} onChange={onChange} />}
      {alternativeOpen && paragraph.alternativeOf === null && (
        <AlternativeForm key={paragraph.id} sourceLanguage={sourceLanguage} listId={listId} onSubmit={onAddAlternative} onCancel={() => onAlternativeOpen(false)} />
      )}
    </div>
  );
}

function ProposersField({ paragraph, listId, canDraft, onChange }: { paragraph: DraftParagraph; listId: string; canDraft: Permission; onChange(patch: ParagraphPatch): Promise<void> }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(paragraph.proposers.join(', '));
  const save = () => {
    const names = splitNames(value);
    if (names.join('\n') !== paragraph.proposers.join('\n')) void onChange({ proposers: names });
  };
  return (
    <label className="field proposers-field">
      <span>{t('drafting.alternative.proposers')}</span>
      <RoleGate permission={canDraft}>
        {(gate) => <input type="text" list={listId} value={value} onChange={(event) => setValue(event.target.value)} onBlur={save} {...gate} />}
      </RoleGate>
    </label>
  );
}

function AlternativeForm({ sourceLanguage, listId, onSubmit, onCancel }: { sourceLanguage: string; listId: string; onSubmit: Props['onAddAlternative']; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [proposers, setProposers] = useState('');
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);
  const id = useRef(newRowId());
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await onSubmit({ [sourceLanguage]: text }, splitNames(proposers), id.current);
    setBusy(false);
    setError(failure);
  };
  return (
    <form className="alternative-form" onSubmit={(event) => void submit(event)} onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <label className="field">
        <span>{t('drafting.alternative.text', { language: languageLabel(sourceLanguage, i18n.language) })}</span>
        <textarea ref={box} rows={3} lang={sourceLanguage} dir={directionOf(sourceLanguage)} value={text} onChange={(event) => setText(event.target.value)} required />
      </label>
      <label className="field">
        <span>{t('drafting.alternative.proposers')}</span>
        <input type="text" list={listId} value={proposers} onChange={(event) => setProposers(event.target.value)} />
      </label>
      {error && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || text.trim() === ''}>
          {t('drafting.alternative.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('drafting.alternative.cancel')}
        </button>
      </div>
    </form>
  );
}
