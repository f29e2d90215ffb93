/**
 * What `--json` writes: the verdicts, each row with its text, and the recording they were judged on.
 * The file leaves the browser (a CI job keeps it as an artifact), so its recording is written as an
 * export with the default settings writes one: query values, user names and token-like subprotocols
 * redacted (each distinct value its own placeholder, so an import judges it as the run did), and the
 * last messages' content left out. The run's page is a local one, where content capture is on. Like an
 * export, it names the moment and the profile its verdicts were made at, so the panel judges it alike.
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
    // Opened in the panel, the file is judged at its `exportedAt` by the profile it names (and the panel says
    // when another is chosen there): the moment and the profile this report's verdicts were made with. Without
    // them it was judged at its last event, so a close the page never answered, a problem here, was pending.
    recording: {
      ...redactRecordingForFile(withoutMessageContent(recording)),
      exportedAt: report.endedAt,
      profileId: report.profileId,
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
