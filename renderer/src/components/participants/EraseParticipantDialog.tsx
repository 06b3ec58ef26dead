import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../../shared/participants';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { ErrorMessage } from '../ErrorMessage';
import { ModalDialog } from '../ModalDialog';

interface Props {
  participant: Participant;
  onClose(): void;
  onErased(participant: Participant): void;
}

/**
 * Asks before erasing someone's personal data, saying what it means: gone for good from this
 * laptop and from every laptop that imports from it, with no undo. The safe choice has the focus.
 */
export function EraseParticipantDialog({ participant, onClose, onErased }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);
  const erase = async () => {
    setBusy(true);
    const result = await api['participants:erase']({ id: participant.id });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onErased(participant);
  };
  return (
    <ModalDialog className="erase-dialog" labelledBy="erase-heading" onClose={onClose}>
      <h2 id="erase-heading">{t('participants.erase.title', { name: participant.name })}</h2>
      <p>{t('participants.erase.body')}</p>
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="button" autoFocus onClick={onClose}>
          {t('participants.erase.cancel')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void erase()}>
          {t('participants.erase.confirm')}
        </button>
      </div>
    </ModalDialog>
  );
}
