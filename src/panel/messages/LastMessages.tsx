/**
 * "Last messages before the close": the last five messages each way, oldest
 * first, as the hook kept them (text up to 1 KiB, binary as size and 64 bytes
 * of hex, a Blob as its size). Page strings are shown in an isolated
 * left-to-right block, so right-to-left or control characters in them cannot
 * reorder the surrounding interface text. Where content capture is off for the
 * socket's site, says so and offers the per-site switch; for an imported file,
 * whose content is what its export carried, neither the live setting nor the
 * switch applies.
 */
import { siteOf } from '../../protocol/capture-policy';
import type { Connection, LastMessage } from '../../protocol/recording';
import { CaptureToggle } from '../../ui/components/CaptureToggle';
import { formatClock, formatSize } from '../../ui/components/format';
import { t } from '../../i18n/translate';
import { tPlural } from '../../i18n/plural';
import { Section } from '../detail/Section';
import { useSettingsHandle } from '../settings-context';
import { displayText } from './message-text';

function Item({ m }: { m: LastMessage }) {
  const text = displayText(m);
  return (
    <li className={`last-message last-message-${m.dir}`} data-testid="last-message" data-dir={m.dir}>
      <div className="last-message-head">
        <span>{formatClock(m.at)}</span> <span>{t(m.dir === 'in' ? 'panel_last_in' : 'panel_last_out')}</span>{' '}
        <span className="muted">{t(`panel_last_kind_${m.kind}`, [formatSize(m.size)])}</span>
        {m.cut ? <span className="muted"> {t('panel_last_cut')}</span> : null}
      </div>
      {text !== undefined ? (
        <pre className="last-message-body" dir="ltr">
          <bdi>{text}</bdi>
        </pre>
      ) : null}
    </li>
  );
}

export function LastMessages({ connection, fromFile = false }: { connection: Connection; fromFile?: boolean }) {
  const { settings, update, privateTab } = useSettingsHandle();
  const site = connection.site ?? siteOf(connection.frameUrl);
  const list = connection.lastMessages;
  const total = connection.counters.sentMessages + connection.counters.receivedMessages;
  return (
    <Section titleId="panel_section_last_messages" testId="last-messages">
      {list === undefined ? (
        <p className="muted" data-testid="last-messages-off">
          {fromFile ? t('panel_last_not_in_file') : t('panel_last_not_captured', [site || '—'])}
        </p>
      ) : list.length === 0 ? (
        <p className="muted">{t('panel_last_none')}</p>
      ) : (
        <>
          <ol className="last-messages">
            {list.map((m, i) => (
              <Item key={i} m={m} />
            ))}
          </ol>
          {total > list.length ? <p className="muted">{tPlural('panel_last_of_total', total, [list.length])}</p> : null}
        </>
      )}
      {settings && !fromFile ? (
        <CaptureToggle site={site} settings={settings} onChange={update} privateTab={privateTab} />
      ) : null}
    </Section>
  );
}
