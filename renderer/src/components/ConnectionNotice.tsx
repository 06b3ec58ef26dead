import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tabKey } from '../api/plenaryApi';
import { tokenOf, type TabKey } from '../api/tabKey';

/**
 * Browser mode, when the server refuses this tab's key (it was started again with a new token):
 * says so, and takes the new address in place, here or pasted into the address bar, without a
 * reload that would drop the text the screens hold. Another address (another port) is opened in
 * full: the unsaved text is in this page's storage already and comes back where that origin has it.
 */
export function ConnectionNotice() {
  return tabKey ? <RefusedKeyNotice tabKey={tabKey} /> : null;
}

function RefusedKeyNotice({ tabKey: key }: { tabKey: TabKey }) {
  const { t } = useTranslation();
  const refused = useSyncExternalStore(key.subscribe, key.refused);
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState(false);
  const id = useId();
  if (!refused) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let url: URL;
    try {
      url = new URL(address.trim());
    } catch {
      setProblem(true);
      return;
    }
    if (!tokenOf(url.hash)) {
      setProblem(true);
      return;
    }
    setProblem(false);
    setAddress('');
    if (url.origin === window.location.origin) key.take(url.hash);
    else window.location.assign(url.href);
  };

  return (
    <section className="connection-notice" aria-labelledby={`${id}-title`}>
      <div role="alert">
        <h2 id={`${id}-title`}>{t('connection.refused')}</h2>
        <p>{t('connection.whatToDo')}</p>
      </div>
      <form className="inline-form" onSubmit={submit}>
        <label className="field">
          <span>{t('connection.addressLabel')}</span>
          <input
            type="url"
            dir="ltr"
            value={address}
            onChange={(event) => setAddress(event.target.value)}
            aria-invalid={problem || undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
        </label>
        <button type="submit">{t('connection.use')}</button>
      </form>
      {problem && (
        <p id={`${id}-problem`} className="field-error">
          {t('connection.noToken')}
        </p>
      )}
    </section>
  );
}
