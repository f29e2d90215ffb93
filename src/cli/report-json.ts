/**
 * What `--json` writes: the verdicts, each row with its text, and the recording they were judged on.
 * The file leaves the browser (a CI job keeps it as an artifact), so its recording is written as an
 * export with the default settings writes one: query values, user names and token-like subprotocols
 * redacted (each distinct value its own placeholder, so an import judges it as the run did), and the
 * last messages' content left out. The run's page is a local one, where content capture is on.
 */
import type { RenderedRow } from '../audit/render';
import type { AuditReport } from '../audit/types';
import { redactRecordingForFile, withoutMessageContent } from '../protocol/redact';
import { AUDIT_REPORT_FORMAT } from '../protocol/validate-recording';

export function reportJson(url: string, report: AuditReport, rows: readonly RenderedRow[]): string {
  const { recording, ...rest } = report;
  const doc = {
    format: AUDIT_REPORT_FORMAT,
    version: 1,
    url,
    ...rest,
    rows: rest.rows.map((r, i) => ({ ...r, text: rows[i] })),
    problems: rows.filter((r) => r.level === 'problem').length,
    recording: redactRecordingForFile(withoutMessageContent(recording)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
