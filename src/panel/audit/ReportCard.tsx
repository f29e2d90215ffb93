/**
 * The reconnect check's report card: a row per endpoint × scenario with the
 * observed delays, what the profile expects, and the analysis core's verdict and
 * sentence. A row opens the closure it judged in the table and detail pane.
 * The endpoint and any host in the sentence are the page's strings: shown as
 * page text (the CLI gets the same sentences from render.ts as plain text).
 */
import type { AuditReport } from '../../audit';
import { cancelText, renderRow } from '../../audit/render';
import { problemCount } from '../../audit/rows';
import { getProfile } from '../../analysis/profiles';
import { VerdictBadge } from '../../ui/components/VerdictBadge';
import { t } from '../../i18n/translate';
import { tPlural } from '../../i18n/plural';
import { CatalogText } from '../../ui/components/CatalogText';
import { PageText } from '../../ui/components/PageText';
import { formatDelays } from '../../ui/components/format';

interface Props {
  report: AuditReport;
  onSelect(closureId: string): void;
  /** The profile chosen now. */
  profileId: string;
  /** How an endpoint is shown: redacted as the settings say, as the table shows its sockets' URLs. */
  shown(url: string): string;
}

/**
 * Which profile judged the report. Its waits and verdicts are that profile's, so a profile chosen since (here
 * or in another view) is not applied to it: the check has to run again.
 */
function profileText(report: AuditReport, now: string): string {
  const judged = t(getProfile(report.profileId).profile.nameId);
  // A stored id unknown here judges as the default does.
  const chosen = getProfile(now).profile;
  return report.profileId === chosen.id
    ? t('audit_report_profile', [judged])
    : t('audit_report_profile_changed', [judged, t(chosen.nameId)]);
}

export function ReportCard({ report, onSelect, profileId, shown }: Props) {
  const rows = report.rows.map((r) => renderRow(t, r));
  const problems = problemCount(report);
  return (
    <section className="audit-report" aria-label={t('audit_report_title')} data-testid="audit-report">
      <h3>{t('audit_report_title')}</h3>
      {report.cancelled ? (
        <p className="audit-cancelled" role="status" data-testid="audit-cancelled">
          {cancelText(t, report)}
        </p>
      ) : null}
      <p className="audit-summary" data-testid="audit-summary" data-problems={problems}>
        {problems
          ? tPlural('audit_summary_problems', rows.length, [problems])
          : tPlural('audit_summary_ok', rows.length)}
      </p>
      <p className="audit-profile" data-testid="audit-profile">
        {profileText(report, profileId)}
      </p>
      <table className="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit_col_endpoint')}</th>
            <th scope="col">{t('audit_col_scenario')}</th>
            <th scope="col">{t('audit_col_delays')}</th>
            <th scope="col">{t('audit_col_expected')}</th>
            <th scope="col">{t('audit_col_verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const id = r.closureId;
            const verdict = report.rows[i]?.verdict;
            const delaysS = report.rows[i]?.delaysS ?? [];
            return (
              <tr
                key={`${r.endpoint} ${r.scenario}`}
                data-testid="audit-row"
                data-scenario={r.scenario}
                data-level={r.level}
                data-rule={r.rule ?? ''}
                data-closure={id ?? ''}
                className={id ? 'audit-row-link' : undefined}
                tabIndex={id ? 0 : undefined}
                title={id ? t('audit_row_title') : undefined}
                onClick={id ? () => onSelect(id) : undefined}
                onKeyDown={
                  id ? (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onSelect(id)) : undefined
                }
              >
                <td className="audit-endpoint">
                  <PageText text={shown(r.endpoint)} />
                </td>
                <td>{r.scenarioText}</td>
                {/* The waits and the expectation as the detail shows them for the closure this row opens. */}
                <td>{delaysS.length ? formatDelays(delaysS) : '–'}</td>
                <td>{verdict?.expected ? <CatalogText text={verdict.expected.text} /> : '–'}</td>
                <td>
                  {r.level === 'not-run' ? (
                    <span className="verdict-badge">{r.levelText}</span>
                  ) : (
                    <VerdictBadge level={r.level} />
                  )}{' '}
                  {verdict ? <CatalogText text={verdict.text} /> : r.sentence}
                  <div className="muted">{r.outcomeText}</div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
