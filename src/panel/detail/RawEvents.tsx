import type { Connection, SocketEvent } from '../../protocol/recording';
import { formatClock, formatSize } from '../../ui/components/format';
import { t } from '../../i18n/translate';
import { tPlural } from '../../i18n/plural';
import type { ReactNode } from 'react';
import { PageText, pageList, tNodes } from '../../ui/components/PageText';
import { listedSteps } from './listed-steps';

function details(e: SocketEvent): ReactNode {
  switch (e.type) {
    case 'close-call':
      return tNodes('panel_event_close_call', [
        e.code ?? '—',
        <PageText text={e.reason ?? ''} dir="auto" />,
        e.readyState,
      ]);
    case 'open':
      return tNodes('panel_event_open', [
        pageList(e.protocol ? [e.protocol] : []),
        pageList(e.extensions ? [e.extensions] : []),
      ]);
    case 'error':
      return '';
    case 'close':
      if (e.inferred) return t('panel_event_close_inferred', [e.code]);
      return tNodes('panel_event_close', [
        e.code,
        <PageText text={e.reason} dir="auto" />,
        t(e.wasClean ? 'panel_yes' : 'panel_no'),
      ]);
    case 'ended-with-document':
      return t(`panel_event_ended_${e.cause.replace('-', '_')}`);
    case 'stall':
      return t('panel_event_stall', [e.seconds]);
    case 'stall-end':
      // One noun for the held messages in all, so the sentence agrees with one count; the split follows.
      return tPlural(
        e.outcome === 'delivered' ? 'panel_event_stall_delivered' : 'panel_event_stall_dropped',
        e.heldIn + e.heldOut,
        [e.heldIn, e.heldOut],
      );
  }
}

/**
 * Events listed at each end of a long list. A live socket records a few dozen at most (the relay caps
 * close() calls and stalls per socket), but an imported file may hold thousands for one connection, and
 * a row each made selecting it take seconds; the first ones and the last ones (its end) are listed.
 */
const EVENTS_AT_EACH_END = 50;

/** Every recorded fact about the connection, unjudged: the events, counters and clamped fields. */
export function RawEvents({ connection }: { connection: Connection }) {
  const c = connection.counters;
  return (
    <>
      <table className="raw-events">
        <tbody>
          <tr>
            <td className="raw-time">{formatClock(connection.createdAt)}</td>
            <td>{t('panel_event_type_created')}</td>
            <td>{tNodes('panel_event_created', [connection.api, pageList(connection.protocols)])}</td>
          </tr>
          {listedSteps(connection.events.length, -1, EVENTS_AT_EACH_END).map((s, k) => {
            if (s.kind === 'gap')
              return (
                <tr key={`gap-${k}`} data-testid="events-gap">
                  <td colSpan={3} className="muted">
                    {tPlural('panel_events_gap', s.count)}
                  </td>
                </tr>
              );
            const e = connection.events[s.index]!;
            return (
              <tr key={s.index}>
                <td className="raw-time">{formatClock(e.at)}</td>
                <td>
                  {t(`panel_event_type_${e.type.replace(/-/g, '_')}`)}
                  {'simulated' in e && e.simulated ? (
                    <span className="tag tag-simulated">{t('panel_simulated')}</span>
                  ) : null}
                </td>
                <td>{details(e)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        {t('panel_counters', [
          tPlural('panel_counters_sent', c.sentMessages, [formatSize(c.sentSize)]),
          tPlural('panel_counters_received', c.receivedMessages, [formatSize(c.receivedSize)]),
        ])}
      </p>
      <p className="muted">{t('panel_size_note')}</p>
      {connection.truncated?.length ? (
        // Field names: Closeline's own in a recording, any text in an imported file.
        <p className="note">{tNodes('panel_truncated_fields', [pageList(connection.truncated)])}</p>
      ) : null}
    </>
  );
}
