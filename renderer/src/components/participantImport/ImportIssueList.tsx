import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../../shared/participantImport';
import { formatNumber } from '../../i18n/intlFormat';
import { ImportFieldName } from './ImportFieldName';

/** The core already caps the list; this keeps a huge one from slowing the page down. */
const maxShown = 300;

/** Every problem found, by line: errors block the import, warnings do not; both said in words. */
export function ImportIssueList({ issues }: { issues: ImportIssue[] }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  if (issues.length === 0) {
    return (
      <section aria-labelledby="import-issues-heading">
        <h2 id="import-issues-heading">{t('participantImport.issueList.heading')}</h2>
        <p className="import-no-issues">{t('participantImport.issueList.none')}</p>
      </section>
    );
  }
  const shown = issues.slice(0, maxShown);
  return (
    <section aria-labelledby="import-issues-heading">
      <h2 id="import-issues-heading">{t('participantImport.issueList.heading')}</h2>
      <div className="import-table-scroll" tabIndex={0}>
        <table className="import-issues" aria-labelledby="import-issues-heading">
          <thead>
            <tr>
              <th scope="col">{t('participantImport.issueList.line')}</th>
              <th scope="col">{t('participantImport.issueList.severity')}</th>
              <th scope="col">{t('participantImport.issueList.field')}</th>
              <th scope="col">{t('participantImport.issueList.problem')}</th>
              <th scope="col">{t('participantImport.issueList.value')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((issue, index) => (
              <tr key={index} className={`issue-${issue.severity}`}>
                <td className="number">{n(issue.line)}</td>
                <td>
                  <span className={`severity severity-${issue.severity}`}>
                    <span aria-hidden="true">{issue.severity === 'error' ? '✖' : '⚠'}</span>{' '}
                    {t(`participantImport.severity.${issue.severity}`)}
                  </span>
                </td>
                <td>{issue.field ? <ImportFieldName field={issue.field} /> : t('participantImport.issueList.wholeRow')}</td>
                <td>
                  {t(`participantImport.issues.${issue.code}`, {
                    // A code added to the core before its message here still says something useful.
                    defaultValue: t(`validation.${issue.code}`, {
                      defaultValue: t('participantImport.issueList.otherProblem', { code: issue.code }),
                    }),
                  })}
                </td>
                <td>
                  {issue.value === undefined ? null : issue.value === '' ? (
                    <span className="hint">{t('participantImport.issueList.empty')}</span>
                  ) : (
                    <bdi className="import-value">{issue.value}</bdi>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {issues.length > shown.length && (
        <p className="hint">{t('participantImport.issueList.capped', { shown: n(shown.length), total: n(issues.length) })}</p>
      )}
    </section>
  );
}
