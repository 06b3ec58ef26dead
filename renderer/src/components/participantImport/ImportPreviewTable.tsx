import { useTranslation } from 'react-i18next';
import type { ParticipantImportPreview } from '../../../../shared/participantImport';
import { formatList, formatNumber } from '../../i18n/intlFormat';
import { languageName } from '../../i18n/languageName';
import { countryName, genderContext } from '../participants/participantFormat';
import { ImportFieldName } from './ImportFieldName';

type Row = ParticipantImportPreview['rows'][number];

const maxShown = 100;
const columns = ['name', 'organisation', 'orgType', 'country', 'gender', 'roles', 'email', 'languages'] as const;

/** The first rows as they would be stored, so a wrong mapping shows at a glance. */
export function ImportPreviewTable({ rows, total }: { rows: Row[]; total: number }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const shown = rows.slice(0, maxShown);
  const cell = (row: Row, column: (typeof columns)[number]) => {
    switch (column) {
      case 'orgType':
        return row.orgType ? t(`participants.orgType.${row.orgType}`) : '';
      case 'gender':
        return row.gender ? t(`participants.gender.${row.gender}`) : '';
      case 'roles':
        return formatList(row.roles.map((role) => t(`participants.role.${role}`, genderContext(row.gender))), i18n.language);
      case 'country':
        return countryName(row.country, i18n.language);
      case 'languages':
        return formatList(row.languages.map((code) => languageName(code, i18n.language)), i18n.language);
      default:
        // Names and organisations are the participants' own words, in whatever script they wrote.
        return <bdi>{row[column]}</bdi>;
    }
  };
  return (
    <section aria-labelledby="import-rows-heading">
      <h2 id="import-rows-heading">{t('participantImport.rows.heading')}</h2>
      <div className="import-table-scroll" tabIndex={0}>
        <table className="import-preview-rows" aria-labelledby="import-rows-heading">
          <thead>
            <tr>
              <th scope="col">{t('participantImport.issueList.line')}</th>
              <th scope="col">{t('participantImport.rows.status')}</th>
              {columns.map((column) => (
                <th key={column} scope="col">
                  <ImportFieldName field={column} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.line} className={`row-${row.status}`}>
                <td className="number">{n(row.line)}</td>
                <td>
                  <span className={`row-status row-status-${row.status}`}>{t(`participantImport.status.${row.status}`)}</span>
                </td>
                {columns.map((column) => (
                  <td key={column}>{cell(row, column)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > shown.length && (
        <p className="hint">{t('participantImport.rows.capped', { shown: n(shown.length), total: n(total) })}</p>
      )}
    </section>
  );
}
