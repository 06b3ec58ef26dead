import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../shared/capture';
import { directionOf } from '../../../../shared/languages';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { ErrorMessage } from '../ErrorMessage';

interface Props {
  note: Note;
  tabIndex: number;
  onChosen(note: Note, text: string): void;
}

/**
 * The note was edited on two laptops since they last exchanged: both texts are kept until someone
 * picks one; the choice is an edit like any other and travels to every laptop.
 */
export function NoteAlternatives({ note, tabIndex, onChosen }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError>();
  const choose = async (text: string) => {
    const result = await api['prose:choose']({ table: 'notes', rowId: note.id, cell: 'text', text });
    if (result.ok) onChosen(note, text);
    else setError(result.error);
  };
  return (
    <div className="note-alternatives" role="group" aria-label={t('capture.alternatives.title')}>
      <p className="warning">{t('capture.alternatives.title')}</p>
      <ol start={2}>
        {note.alternatives.map((text, index) => (
          <li key={index}>
            <p lang={note.lang} dir={directionOf(note.lang)}>
              {text}
            </p>
            <button type="button" tabIndex={tabIndex} onClick={() => void choose(text)}>
              {t('capture.alternatives.use', { number: index + 2 })}
            </button>
          </li>
        ))}
      </ol>
      {note.mine && (
        <button type="button" tabIndex={tabIndex} onClick={() => void choose(note.text)}>
          {t('capture.alternatives.keep')}
        </button>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
