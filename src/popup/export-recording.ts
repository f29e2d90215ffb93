/**
 * "Export recording": the recording as the JSON document described in
 * docs/recording-format.md, redacted like copied text, saved as a download.
 * A DOM download (an <a download> click) needs no "downloads" permission.
 */
import type { Recording } from '../protocol/recording';
import { redactRecording } from '../protocol/redact';

/** closeline-<host>-<YYYY-MM-DD>.json; the tab id stands in when the page's host is unknown. */
export function exportFileName(host: string | undefined, tabId: number, now: number): string {
  const site = (host ?? `tab-${tabId}`).toLowerCase().replace(/[^a-z0-9.-]+/g, '-');
  return `closeline-${site}-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export function exportJson(recording: Recording, redactQuery: boolean, now: number): string {
  const doc: Recording = { ...(redactQuery ? redactRecording(recording) : recording), exportedAt: now };
  return JSON.stringify(doc, null, 2);
}

export function downloadText(fileName: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  doc.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; the URL can go once the event loop turns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
