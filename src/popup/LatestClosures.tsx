/**
 * The latest few closures with their verdicts, problems first. A close made by the panel's Simulate says so,
 * as in the panel: otherwise it reads as the server's own close.
 */
import { levelLabelId, type ClosurePresentation } from '../analysis/present';
import type { Connection } from '../protocol/recording';
import { formatClock } from '../ui/components/format';
import { t } from '../i18n/translate';
import { PageText } from '../ui/components/PageText';
import { isolatePage } from '../ui/components/page-string';
import { CatalogText } from '../ui/components/CatalogText';

export interface LatestClosuresProps {
  rows: Pick<ClosurePresentation, 'closure' | 'verdict'>[];
  connectionOf: (id: string) => Connection | undefined;
  /** The code's name for a connection's closure, from the presentation model. */
  nameOf: (connectionId: string) => string;
  shownUrl: (url: string) => string;
}

export function LatestClosures({ rows, connectionOf, nameOf, shownUrl }: LatestClosuresProps) {
  if (rows.length === 0) return null;
  return (
    <section className="section" aria-labelledby="popup-latest">
      <h2 id="popup-latest">{t('popup_latest_heading')}</h2>
      <ol className="closures">
        {rows.map(({ closure, verdict }) => {
          const conn = connectionOf(closure.connectionId);
          const level = verdict?.level ?? 'none';
          return (
            <li key={closure.connectionId} className={`closure level-${level}`} data-connection={closure.connectionId}>
              <div className="closure-head">
                <span className={`level level-${level}`}>
                  {t(verdict ? levelLabelId(verdict.level) : 'popup_level_none')}
                </span>
                <span className="code">{closure.code}</span>
                <span className="name">{nameOf(closure.connectionId)}</span>
                {closure.simulated ? <span className="simulated">{t('popup_simulated')}</span> : null}
                <time className="when" dateTime={new Date(closure.closedAt).toISOString()}>
                  {formatClock(closure.closedAt)}
                </time>
              </div>
              {conn && (
                <div className="url" title={isolatePage(shownUrl(conn.url))}>
                  <PageText text={shownUrl(conn.url)} />
                </div>
              )}
              <p className="sentence">{verdict ? <CatalogText text={verdict.text} /> : t('popup_attempt_note')}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
