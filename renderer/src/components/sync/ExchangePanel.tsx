import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BundleExport } from './BundleExport';
import { BundleImport } from './BundleImport';
import { DeviceCard } from './DeviceCard';
import { HeldChanges } from './HeldChanges';

/** Sharing a forum between offline laptops: who this laptop is, what to send, what came in. */
export function ExchangePanel({ forumId, onImported }: { forumId?: string; onImported(forumId: string): void }) {
  const { t } = useTranslation();
  const [imports, setImports] = useState(0);
  const imported = (id: string) => {
    setImports((n) => n + 1);
    onImported(id);
  };
  return (
    <section aria-labelledby="exchange-heading" className="exchange">
      <h2 id="exchange-heading">{t('sync.title')}</h2>
      <p className="hint">{t('sync.intro')}</p>
      <div className="exchange-grid">
        <DeviceCard />
        {forumId && <BundleExport forumId={forumId} />}
        <BundleImport currentForumId={forumId} onImported={imported} />
      </div>
      <HeldChanges {...(forumId ? { forumId } : {})} refreshKey={imports} onApplied={onImported} />
    </section>
  );
}
