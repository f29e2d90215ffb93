/** Connections open (or still connecting) right now. */
import type { Connection } from '../protocol/recording';
import { t } from '../i18n/translate';
import { PageText } from '../ui/components/PageText';
import { isolatePage } from '../ui/components/page-string';

export const OPEN_LISTED = 5;

export function OpenNow({ open, shownUrl }: { open: Connection[]; shownUrl: (url: string) => string }) {
  const listed = open.slice(-OPEN_LISTED);
  return (
    <section className="section" aria-labelledby="popup-open">
      <h2 id="popup-open">{t('popup_open_heading', [open.length])}</h2>
      {listed.length > 0 && (
        <ul className="open">
          {listed.map((c) => (
            <li key={c.id} className="url" title={isolatePage(shownUrl(c.url))}>
              <PageText text={shownUrl(c.url)} />
            </li>
          ))}
          {open.length > listed.length && (
            <li className="muted">{t('popup_open_more', [open.length - listed.length])}</li>
          )}
        </ul>
      )}
    </section>
  );
}
