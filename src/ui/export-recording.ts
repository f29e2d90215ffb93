/**
 * Export, shared by the panel and the popup: the recording as the JSON document docs/recording-format.md
 * describes, with query values redacted unless the user turned that off (each distinct value its own
 * placeholder, so that the file is judged as the recording was).
 */
import { redactRecordingForFile, withoutMessageContent } from '../protocol/redact';
import type { Recording } from '../protocol/recording';
import { formatFileDate } from './components/format';

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** The inspected page's host: the top frame's document, else any socket's endpoint. */
export function recordingHost(rec: Recording): string {
  const top = rec.connections.find((c) => c.frameId === 0)?.frameUrl;
  const nav = rec.marks.find((m) => m.type === 'navigation' && m.frameId === 0);
  const host =
    hostOf(top) ?? hostOf(nav?.type === 'navigation' ? nav.url : undefined) ?? hostOf(rec.connections[0]?.url);
  // Hostnames are already filename-safe; the replace guards odd inputs (IPv6 brackets, colons).
  return (host ?? `tab${rec.tabId}`).replace(/[^A-Za-z0-9.-]/g, '_');
}

/**
 * `privateTab`: the view's tab is in a private window. Its views run in the extension's one process, so the
 * browser records the download in the normal profile's download history, on disk: the name then leaves the
 * site out (docs/ARCHITECTURE.md, "Private browsing").
 */
export function exportFileName(rec: Recording, now: number, privateTab = false): string {
  return `closeline-${privateTab ? 'private' : recordingHost(rec)}-${formatFileDate(now)}.json`;
}

/**
 * Message content is left out unless the user ticked "include message content". `exportedAt` is the moment
 * the file is judged at when opened; undefined keeps the recording's own (an imported file saved again).
 * `profileId` names the profile that judged what the view showed: the file holds no verdicts, and whoever
 * opens it is told when another profile judges it there.
 */
export function exportText(
  rec: Recording,
  redactQuery: boolean,
  exportedAt: number | undefined,
  includeContent = false,
  profileId?: string,
): string {
  const content = includeContent ? rec : withoutMessageContent(rec);
  const out: Recording = redactQuery ? redactRecordingForFile(content) : { ...content };
  if (exportedAt !== undefined) out.exportedAt = exportedAt;
  if (profileId !== undefined) out.profileId = profileId;
  return JSON.stringify(out, null, 2);
}

/** Saves text as a file through a temporary link (no downloads permission needed). */
export function downloadText(fileName: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
