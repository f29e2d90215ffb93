/**
 * The plain-text summary that "Copy summary" puts on the clipboard: what the
 * popup shows, in a form that pastes into a bug report or chat. Query values
 * are redacted unless the user turned that off, since tokens often ride in
 * WebSocket URLs.
 */
import type { Analysis } from '../analysis/types';
import type { Connection, Recording } from '../protocol/recording';
import { redactUrl } from '../protocol/redact';
import { formatTime } from '../ui/components/format';
import { t } from '../i18n/translate';
import { groupText } from './group-text';
import { tText } from '../i18n/numbers';
import { droppedEntries, groupByCode, latestClosures, openConnections, recentClosures, siteOf, type DroppedField } from './summary-model';

export interface SummaryTextInput {
  recording: Recording;
  analysis: Analysis;
  now: number;
  recentMinutes: number;
  redactQuery: boolean;
  nameOf: (code: number, conn?: Connection) => string;
  /** BCP 47 tag for times; the browser's locale when absent. */
  locale?: string;
}

/** i18n id of a dropped-count label: connectionsEvicted -> popup_dropped_connections_evicted. */
export function droppedLabelId(field: DroppedField): string {
  return `popup_dropped_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
}

/** The popup's time format, with the date and time zone: the text is read later, often elsewhere. */
function stamp(at: number, locale?: string): string {
  return formatTime(at, { locale, date: true, zone: true });
}

export function buildSummaryText(input: SummaryTextInput): string {
  const { recording, analysis, now, recentMinutes } = input;
  const shownUrl = (url: string) => (input.redactQuery ? redactUrl(url) : url);
  const byId = new Map(recording.connections.map((c) => [c.id, c]));
  const lines: string[] = [t('popup_text_header', [siteOf(recording) ?? t('popup_text_this_tab'), stamp(now, input.locale)])];

  const recent = recentClosures(analysis.closures, now, recentMinutes);
  const groups = groupByCode(recent, analysis);
  const recentProblems = groups.reduce((n, g) => n + g.problems, 0);
  lines.push(t('popup_text_recent', [recentMinutes, recent.length, recentProblems]));
  for (const g of groups) {
    lines.push(`  ${t('popup_text_group', [g.code, input.nameOf(g.code, byId.get(g.latest.connectionId)), groupText(g)])}`);
  }

  const latest = latestClosures(analysis.closures, analysis.verdictByClosure);
  if (latest.length > 0) lines.push(t('popup_text_latest'));
  for (const { closure, verdict } of latest) {
    const conn = byId.get(closure.connectionId);
    const level = verdict ? t(`popup_level_${verdict.level}`) : t('popup_level_none');
    lines.push(`  ${t('popup_text_closure', [level, closure.code, input.nameOf(closure.code, conn), stamp(closure.closedAt, input.locale), shownUrl(conn?.url ?? '')])}`);
    if (verdict) lines.push(`    ${tText(verdict.text)}`);
  }

  const open = openConnections(recording, analysis);
  lines.push(t('popup_text_open', [open.length]));
  for (const c of open) lines.push(`  ${shownUrl(c.url)}`);

  const dropped = droppedEntries(recording.dropped);
  if (dropped.length > 0) lines.push(t('popup_text_dropped'));
  for (const d of dropped) lines.push(`  ${t(droppedLabelId(d.field), [d.count])}`);

  return lines.join('\n') + '\n';
}
