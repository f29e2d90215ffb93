/**
 * The table's columns: header text, default width, and how a row renders in
 * each. Order is priority: what tells rows apart (the endpoint's path, the
 * code, who closed, the verdict) comes first, so it is what a narrow panel
 * keeps. Sorting keys live in model/sort-rows.ts, one per column id. Open
 * connections have no close facts: their close columns stay empty and the
 * code column says "open" (or "connecting").
 */
import type { ReactNode } from 'react';
import type { ClosureRow, Row } from '../model/rows';
import type { ColumnId } from '../model/sort-rows';
import { t } from '../../i18n/translate';
import { tPlural } from '../../i18n/plural';
import { formatClock, formatDuration, formatSeconds, formatSize, formatTime } from '../../ui/components/format';
import { VerdictBadge } from '../../ui/components/VerdictBadge';
import { UrlCell } from './UrlCell';
import { PageText, tNodes } from '../../ui/components/PageText';
import { isolatePage } from '../../ui/components/page-string';

export interface Column {
  id: ColumnId;
  /** Default width in CSS px; the user may resize it (column-prefs.ts). */
  width: number;
  /** Takes the space left over (at least its width). */
  grow?: boolean;
  render(row: Row): ReactNode;
  /** Full text for the tooltip when the cell is cut; page strings in it isolated (see page-string.ts). */
  title?(row: Row): string;
}

export function codeLabel(row: ClosureRow): string {
  const names = row.nameIds.map((id) => t(id)).join(' / ');
  return row.lookup.kind === 'ambiguous'
    ? t('panel_code_ambiguous', [row.closure.code, names])
    : `${row.closure.code} ${names}`;
}

/** The status word of an open row. */
export const openLabel = (row: Row) =>
  t(row.kind === 'open' && !row.opened ? 'panel_row_connecting' : 'panel_row_open');

/** "3 sent · 96 B, 5 received · 1.2 KB": counts first, sizes in the units developers expect. */
export function messagesText(row: Row): string {
  const c = row.connection.counters;
  return t('panel_cell_messages', [
    c.sentMessages,
    formatSize(c.sentSize),
    c.receivedMessages,
    formatSize(c.receivedSize),
  ]);
}

/** The exact numbers and what the size counts (UTF-16 code units for text, bytes for binary). */
export function messagesTitle(row: Row): string {
  const c = row.connection.counters;
  return t('panel_cell_messages_title', [
    tPlural('panel_counters_sent', c.sentMessages, [tPlural('panel_cell_units', c.sentSize)]),
    tPlural('panel_counters_received', c.receivedMessages, [tPlural('panel_cell_units', c.receivedSize)]),
  ]);
}

export const initiatorLabel = (r: ClosureRow) => t(`panel_initiator_${r.closure.initiator.replace(/-/g, '_')}`);

/** The delay to the next attempt; a moved-to host (the page's) through `host`, as text or as page text. */
function delayOf<T>(row: ClosureRow, host: (movedTo: string, s: string) => T): string | T {
  const next = row.closure.next;
  if (!next) return t('panel_cell_no_reconnect');
  if (next.label === 'overlapping') return t('panel_cell_overlapping');
  const s = formatSeconds(next.delayS);
  return next.label === 'moved' && next.movedTo ? host(next.movedTo, s) : s;
}

const delayText = (row: ClosureRow): string =>
  delayOf(row, (movedTo, s) => t('panel_cell_moved', [s, isolatePage(movedTo)]));
const delayCell = (row: ClosureRow): ReactNode =>
  delayOf(row, (movedTo, s) => tNodes('panel_cell_moved', [s, <PageText key="host" text={movedTo} />]));

function lifetimeText(row: ClosureRow): string {
  if (row.closure.lifetimeMs !== undefined) return formatDuration(row.closure.lifetimeMs);
  return row.handshake && row.handshake.status > 0
    ? t('panel_cell_never_opened_http', [row.handshake.status])
    : t('panel_cell_never_opened');
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

/** When a closure closed, or an open connection was made. */
const rowTime = (r: Row): number => (r.kind === 'closure' ? r.closure.closedAt : r.connection.createdAt);

export const COLUMNS: readonly Column[] = [
  {
    id: 'url',
    width: 110,
    grow: true,
    render: (r) => <UrlCell url={r.connection.url} />,
    title: (r) => isolatePage(r.connection.url),
  },
  {
    id: 'code',
    width: 130,
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
  {
    id: 'initiator',
    width: 104,
    render: closed((r) => initiatorLabel(r) + (r.closure.inferred ? t('panel_inferred_mark') : '')),
    title: closedTitle((r) => initiatorLabel(r) + (r.closure.inferred ? ` ${t('panel_inferred_title')}` : '')),
  },
  { id: 'verdict', width: 88, render: closed((r) => (r.verdict ? <VerdictBadge level={r.verdict.level} /> : null)) },
  { id: 'delay', width: 84, render: closed(delayCell), title: closedTitle(delayText) },
  {
    id: 'time',
    // A 12-hour clock's "10:13:28.125 PM" whole: cut, the time of day is ambiguous.
    width: 124,
    render: (r) => formatClock(rowTime(r)),
    // The date and the zone too, which the cell leaves out.
    title: (r) => formatTime(rowTime(r), { date: true, zone: true }),
  },
  {
    id: 'reason',
    width: 120,
    render: closed((r) => <PageText text={r.closure.reason} dir="auto" />),
    title: closedTitle((r) => (r.closure.reason ? isolatePage(r.closure.reason, 'auto') : '')),
  },
  { id: 'lifetime', width: 80, render: closed(lifetimeText), title: closedTitle(lifetimeText) },
  { id: 'clean', width: 52, render: closed((r) => t(r.closure.wasClean ? 'panel_yes' : 'panel_no')) },
  // Counters arrive with the close event, so an open row would show zeros that are not true.
  { id: 'messages', width: 220, render: closed(messagesText), title: closedTitle(messagesTitle) },
];

export const COLUMN_BY_ID: ReadonlyMap<ColumnId, Column> = new Map(COLUMNS.map((c) => [c.id, c]));
