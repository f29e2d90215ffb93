/**
 * Sockets DevTools saw that the recording lacks (see network/unrecorded.ts): how many, to which URLs,
 * and why Closeline could not record them. A labelled region like the dropped notice beside it, not a
 * live region: a page opening such sockets in a loop must not be read out at each one.
 */
import { tPlural } from '../../i18n/plural';
import { t } from '../../i18n/translate';
import { PageText } from '../../ui/components/PageText';
import type { HandshakeEntry } from '../network/handshakes';

/** URLs listed by name; the rest are counted. */
export const MAX_UNRECORDED_URLS = 3;
/** A URL is shown up to this many characters (the page chooses it). */
const MAX_URL_CHARS = 512;

export interface UnrecordedUrl {
  url: string;
  count: number;
}

/** The URLs, most recent handshake first, each with how many handshakes went to it. */
export function unrecordedUrls(entries: readonly HandshakeEntry[], shown: (url: string) => string): UnrecordedUrl[] {
  const byUrl = new Map<string, UnrecordedUrl>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const url = shown(entries[i]!.url);
    const u = byUrl.get(url);
    if (u) u.count++;
    else byUrl.set(url, { url, count: 1 });
  }
  return [...byUrl.values()];
}

interface Props {
  entries: readonly HandshakeEntry[];
  /** How a URL is shown: redacted as the settings say, like every URL of the panel. */
  shown(url: string): string;
  /** The recording counts connections its rate limit left out: those are among these too. */
  rateLimited: boolean;
  /** The recording counts stored connections that could not be read back: those can be among these too. */
  unreadable: boolean;
}

export function UnrecordedNotice({ entries, shown, rateLimited, unreadable }: Props) {
  if (entries.length === 0) return null;
  const urls = unrecordedUrls(entries, shown);
  const more = urls.length - MAX_UNRECORDED_URLS;
  return (
    <section className="dropped-notice unrecorded-notice" aria-labelledby="panel-unrecorded" data-testid="unrecorded">
      <h2 id="panel-unrecorded">{tPlural('panel_unrecorded_heading', entries.length)}</h2>
      <ul>
        {urls.slice(0, MAX_UNRECORDED_URLS).map((u) => (
          <li key={u.url} data-count={u.count}>
            <PageText text={u.url.length > MAX_URL_CHARS ? `${u.url.slice(0, MAX_URL_CHARS)}…` : u.url} />{' '}
            {tPlural('panel_unrecorded_times', u.count)}
          </li>
        ))}
        {more > 0 ? <li>{tPlural('panel_unrecorded_more_urls', more)}</li> : null}
      </ul>
      <p className="unrecorded-why">
        {t('panel_unrecorded_why')}
        {rateLimited ? ` ${t('panel_unrecorded_rate_limited')}` : null}
        {unreadable ? ` ${t('panel_unrecorded_unreadable')}` : null}
      </p>
    </section>
  );
}
