/**
 * The table's columns: header text, width, and how a row renders in each.
 * Sorting keys live in model/sort-rows.ts, one per column id. Open connections
 * have no close facts: their close columns stay empty and the code column says
 * "open" (or "connecting").
 */
import type { ReactNode } from 'react';
import type { ClosureRow, Row } from '../model/rows';
import type { ColumnId } from '../model/sort-rows';
import { t } from '../../ui/i18n';
import { formatClock, formatDuration, formatSeconds, formatSize } from '../../ui/components/format';
import { VerdictBadge } from '../../ui/components/VerdictBadge';
import { PageText } from '../../ui/components/PageText';

export interface Column {
  id: ColumnId;
  /** A CSS grid track. */
  width: string;
  render(row: Row): ReactNode;
  /** Full text for the tooltip when the cell is cut. */
  title?(row: Row): string;
}

export function codeLabel(row: ClosureRow): string {
  const names = row.nameIds.map((id) => t(id)).join(' / ');
  return row.lookup.kind === 'ambiguous' ? t('panel_code_ambiguous', [row.closure.code, names]) : `${row.closure.code} ${names}`;
}

/** The status word of an open row. */
export const openLabel = (row: Row) => t(row.kind === 'open' && !row.opened ? 'panel_row_connecting' : 'panel_row_open');

function messagesText(row: Row): string {
  const c = row.connection.counters;
  return t('panel_cell_messages', [c.sentMessages, formatSize(c.sentSize), c.receivedMessages, formatSize(c.receivedSize)]);
}

function delayText(row: ClosureRow): string {
  const next = row.closure.next;
  if (!next) return t('panel_cell_no_reconnect');
  if (next.label === 'overlapping') return t('panel_cell_overlapping');
  const s = formatSeconds(next.delayS);
  return next.label === 'moved' && next.movedTo ? t('panel_cell_moved', [s, next.movedTo]) : s;
}

function lifetimeText(row: ClosureRow): string {
  if (row.closure.lifetimeMs !== undefined) return formatDuration(row.closure.lifetimeMs);
  return row.handshake && row.handshake.status > 0 ? t('panel_cell_never_opened_http', [row.handshake.status]) : t('panel_cell_never_opened');
}

/** A closure-only cell: empty for an open connection. */
const closed =
  (render: (row: ClosureRow) => ReactNode) =>
  (row: Row): ReactNode =>
    row.kind === 'closure' ? render(row) : null;
const closedTitle =
  (title: (row: ClosureRow) => string) =>
  (row: Row): string =>
    row.kind === 'closure' ? title(row) : '';

export const COLUMNS: readonly Column[] = [
  { id: 'time', width: '92px', render: (r) => formatClock(r.kind === 'closure' ? r.closure.closedAt : r.connection.createdAt) },
  { id: 'url', width: 'minmax(120px, 2fr)', render: (r) => <PageText text={r.connection.url} />, title: (r) => r.connection.url },
  {
    id: 'code',
    width: 'minmax(110px, 1.2fr)',
    render: (r) =>
      r.kind === 'open' ? (
        <span className="tag tag-open">{openLabel(r)}</span>
      ) : (
        <>
          {codeLabel(r)}
          {r.closure.simulated ? <span className="tag tag-simulated">{t('panel_simulated')}</span> : null}
        </>
      ),
    title: (r) => (r.kind === 'open' ? openLabel(r) : codeLabel(r)),
  },
  { id: 'reason', width: 'minmax(60px, 1fr)', render: closed((r) => <PageText text={r.closure.reason} dir="auto" />), title: closedTitle((r) => r.closure.reason) },
  { id: 'clean', width: '52px', render: closed((r) => t(r.closure.wasClean ? 'panel_yes' : 'panel_no')) },
  {
    id: 'initiator',
    width: '110px',
    render: closed((r) => t(`panel_initiator_${r.closure.initiator.replace(/-/g, '_')}`) + (r.closure.inferred ? t('panel_inferred_mark') : '')),
    title: closedTitle((r) => (r.closure.inferred ? t('panel_inferred_title') : '')),
  },
  { id: 'lifetime', width: '70px', render: closed(lifetimeText), title: closedTitle(lifetimeText) },
  // Counters arrive with the close event, so an open row would show zeros that are not true.
  { id: 'messages', width: 'minmax(110px, 1fr)', render: closed(messagesText), title: closedTitle(() => t('panel_size_note')) },
  { id: 'delay', width: '80px', render: closed(delayText) },
  { id: 'verdict', width: '84px', render: closed((r) => (r.verdict ? <VerdictBadge level={r.verdict.level} /> : null)) },
];

export const GRID_TEMPLATE = COLUMNS.map((c) => c.width).join(' ');
