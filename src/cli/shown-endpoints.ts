/**
 * What the command line gives out goes to a CI job's log and the files it keeps (the table on stdout, the
 * JUnit and JSON reports). An endpoint is named as the page wrote it, and a socket URL's user name is often
 * a key (`wss://sk_live_…@host/`): it is written redacted there, as every file Closeline gives out has it.
 */
import type { AuditReport } from '../audit/types';
import type { RenderedRow } from '../audit/render';
import { redactUrl } from '../protocol/redact';

export function withShownEndpoints<R extends Pick<AuditReport, 'endpoints' | 'rows'>>(
  report: R,
  rows: readonly RenderedRow[],
): { report: R; rows: RenderedRow[] } {
  return {
    report: {
      ...report,
      endpoints: report.endpoints.map((e) => redactUrl(e)),
      rows: report.rows.map((r) => ({ ...r, endpoint: redactUrl(r.endpoint) })),
    },
    rows: rows.map((r) => ({ ...r, endpoint: redactUrl(r.endpoint) })),
  };
}
