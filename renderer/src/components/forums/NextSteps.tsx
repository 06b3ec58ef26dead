import { useTranslation } from 'react-i18next';
import type { ForumOverview } from '../../../../shared/forum';
import { formatNumber } from '../../i18n/intlFormat';
import { routeHref, type Route } from '../../hooks/useRoute';

type Counts = ForumOverview['counts'];

/** A forum's life in order: each step is done once the forum holds what it makes. */
export function nextSteps(forumId: string, counts: Counts) {
  const steps: Array<{ key: string; done: boolean; route: Route }> = [
    { key: 'agenda', done: counts.sessions > 0, route: { name: 'agenda', id: forumId } },
    { key: 'participants', done: counts.participants > 0, route: { name: 'participants', id: forumId } },
    { key: 'capture', done: counts.notes > 0, route: { name: 'capture', id: forumId } },
    { key: 'keyMessages', done: counts.keyMessages > 0, route: { name: 'keyMessages', id: forumId } },
    { key: 'drafting', done: counts.paragraphs > 0, route: { name: 'drafting', id: forumId } },
  ];
  return steps;
}

/**
 * A new forum's overview says what to do next, the first step not yet done as its main button;
 * it goes once every step has something in it.
 */
export function NextSteps({ forumId, counts }: { forumId: string; counts: Counts }) {
  const { t, i18n } = useTranslation();
  const steps = nextSteps(forumId, counts);
  const done = steps.filter((s) => s.done).length;
  if (done === steps.length) return null;
  const next = steps.find((s) => !s.done);
  return (
    <section aria-labelledby="next-steps-heading" className="next-steps">
      <h2 id="next-steps-heading">{t('forum.nextSteps.title')}</h2>
      <p className="meta">{t('forum.nextSteps.progress', { done: formatNumber(done, i18n.language), total: formatNumber(steps.length, i18n.language) })}</p>
      <ol>
        {steps.map((step) => (
          <li key={step.key} className={step.done ? 'is-done' : undefined}>
            <span className="next-step-mark" aria-hidden="true">
              {step.done ? '✓' : '○'}
            </span>
            <a className={step === next ? 'button primary' : undefined} href={routeHref(step.route)} aria-current={step === next ? 'step' : undefined}>
              {t(`forum.nextSteps.${step.key}`)}
            </a>
            <span className="visually-hidden">{step.done ? t('forum.nextSteps.done') : t('forum.nextSteps.todo')}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
