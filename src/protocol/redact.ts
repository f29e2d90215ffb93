/**
 * Query-parameter values often carry tokens. Exports and copied text redact
 * them by default (a setting keeps them). Names stay, so the user still sees
 * which parameters changed between attempts.
 */
import type { Recording } from './recording';

export const REDACTED = 'REDACTED';

/** Redacts every query-parameter value of a URL; unparseable input is returned with its query cut. */
export function redactUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const q = beforeHash.indexOf('?');
  if (q === -1) return url;
  const query = beforeHash.slice(q + 1);
  const redacted = query
    .split('&')
    .map((pair) => {
      if (pair === '') return pair;
      const eq = pair.indexOf('=');
      return eq === -1 ? pair : `${pair.slice(0, eq)}=${REDACTED}`;
    })
    .join('&');
  return `${beforeHash.slice(0, q)}?${redacted}${hash === '' ? '' : '#' + REDACTED}`;
}

/** A copy of the recording with query values redacted in socket, frame and navigation URLs. */
export function redactRecording(rec: Recording): Recording {
  return {
    ...rec,
    connections: rec.connections.map((c) => ({ ...c, url: redactUrl(c.url), frameUrl: redactUrl(c.frameUrl) })),
    marks: rec.marks.map((m) => (m.type === 'navigation' ? { ...m, url: redactUrl(m.url) } : m)),
  };
}
