/** The latest few closures with their verdicts, problems first. */
import type { Connection } from '../protocol/recording';
import { formatClock } from '../ui/components/format';
import { t } from '../i18n/translate';
import { tText } from '../i18n/numbers';
import type { ClosureRow } from './summary-model';
import { PageText } from '../ui/components/PageText';

export interface LatestClosuresProps {
  rows: ClosureRow[];
  connectionOf: (id: string) => Connection | undefined;
  nameOf: (code: number, conn?: Connection) => string;
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
                <span className={`level level-${level}`}>{t(`popup_level_${level}`)}</span>
                <span className="code">{closure.code}</span>
                <span className="name">{nameOf(closure.code, conn)}</span>
                <time className="when" dateTime={new Date(closure.closedAt).toISOString()}>
                  {formatClock(closure.closedAt)}
                </time>
              </div>
              {conn && (
                <div className="url" title={shownUrl(conn.url)}>
                  <PageText text={shownUrl(conn.url)} />
                </div>
              )}
              <p className="sentence">{verdict ? tText(verdict.text) : t('popup_attempt_note')}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
