/**
 * The closures table's columns: header text, width, and how a row renders in
 * each. Sorting keys live in model/sort-rows.ts, one per column id.
 */
import type { ReactNode } from 'react';
import type { ClosureRow } from '../model/rows';
import type { ColumnId } from '../model/sort-rows';
import { t } from '../../ui/i18n';
import { formatClock, formatDuration, formatSeconds, formatSize } from '../../ui/components/format';
import { VerdictBadge } from '../../ui/components/VerdictBadge';

export interface Column {
  id: ColumnId;
  /** A CSS grid track. */
  width: string;
  render(row: ClosureRow): ReactNode;
  /** Full text for the tooltip when the cell is cut. */
  title?(row: ClosureRow): string;
}

export function codeLabel(row: ClosureRow): string {
  const names = row.nameIds.map((id) => t(id)).join(' / ');
  return row.lookup.kind === 'ambiguous' ? t('panel_code_ambiguous', [row.closure.code, names]) : `${row.closure.code} ${names}`;
}

function messagesText(row: ClosureRow): string {
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

export const COLUMNS: readonly Column[] = [
  { id: 'time', width: '92px', render: (r) => formatClock(r.closure.closedAt) },
  { id: 'url', width: 'minmax(120px, 2fr)', render: (r) => r.connection.url, title: (r) => r.connection.url },
  {
    id: 'code',
    width: 'minmax(110px, 1.2fr)',
    render: (r) => (
      <>
        {codeLabel(r)}
        {r.closure.simulated ? <span className="tag tag-simulated">{t('panel_simulated')}</span> : null}
      </>
    ),
    title: codeLabel,
  },
  { id: 'reason', width: 'minmax(60px, 1fr)', render: (r) => r.closure.reason, title: (r) => r.closure.reason },
  { id: 'clean', width: '52px', render: (r) => t(r.closure.wasClean ? 'panel_yes' : 'panel_no') },
  {
    id: 'initiator',
    width: '110px',
    render: (r) => t(`panel_initiator_${r.closure.initiator.replace(/-/g, '_')}`) + (r.closure.inferred ? t('panel_inferred_mark') : ''),
    title: (r) => (r.closure.inferred ? t('panel_inferred_title') : ''),
  },
  { id: 'lifetime', width: '70px', render: (r) => (r.closure.lifetimeMs === undefined ? t('panel_cell_never_opened') : formatDuration(r.closure.lifetimeMs)) },
  { id: 'messages', width: 'minmax(110px, 1fr)', render: messagesText, title: () => t('panel_size_note') },
  { id: 'delay', width: '80px', render: delayText },
  { id: 'verdict', width: '84px', render: (r) => (r.verdict ? <VerdictBadge level={r.verdict.level} /> : null) },
];

export const GRID_TEMPLATE = COLUMNS.map((c) => c.width).join(' ');
