/**
 * The plain-text summary that "Copy summary" puts on the clipboard: what the
 * popup shows, in a form that pastes into a bug report or chat. Query values
 * are redacted unless the user turned that off, since tokens often ride in
 * WebSocket URLs.
 */
import { droppedLabels, levelLabelId } from '../analysis/present';
import type { Analysis } from '../analysis/types';
import { getProfile } from '../analysis/profiles';
import type { Recording } from '../protocol/recording';
import { redactUrl } from '../protocol/redact';
import { formatTime } from '../ui/components/format';
import { t } from '../i18n/translate';
import { tPlural } from '../i18n/plural';
import { groupText } from './group-text';
import { tText } from '../i18n/numbers';
import { groupByCode, latestClosures, openConnections, recentClosures, siteOf } from './summary-model';

export interface SummaryTextInput {
  recording: Recording;
  analysis: Analysis;
  now: number;
  recentMinutes: number;
  redactQuery: boolean;
  /** The code's name for a connection's closure, from the presentation model. */
  nameOf: (connectionId: string) => string;
  /** BCP 47 tag for times; the browser's locale when absent. */
  locale?: string;
}

/** The popup's time format, with the date and time zone: the text is read later, often elsewhere. */
function stamp(at: number, locale?: string): string {
  return formatTime(at, { locale, date: true, zone: true });
}

/** The profile that judged: its name, or the stored id it stood in for (unknown to this build) and its name. */
function profileName(analysis: Analysis): string {
  const name = t(getProfile(analysis.profileId).profile.nameId);
  return analysis.unknownProfileId === undefined ? name : t('ui_profile_unknown', [analysis.unknownProfileId, name]);
}

export function buildSummaryText(input: SummaryTextInput): string {
  const { recording, analysis, now, recentMinutes } = input;
  const shownUrl = (url: string) => (input.redactQuery ? redactUrl(url) : url);
  const byId = new Map(recording.connections.map((c) => [c.id, c]));
  const lines: string[] = [
    t('popup_text_header', [siteOf(recording) ?? t('popup_text_this_tab'), stamp(now, input.locale)]),
    // Pasted elsewhere, a verdict means little without the profile that gave it.
    t('popup_text_profile', [profileName(analysis)]),
  ];

  const recent = recentClosures(analysis.closures, now, recentMinutes);
  const groups = groupByCode(recent, analysis);
  const recentProblems = groups.reduce((n, g) => n + g.problems, 0);
  lines.push(tPlural('popup_text_recent', recentMinutes, [recent.length, recentProblems]));
  for (const g of groups) {
    lines.push(`  ${t('popup_text_group', [g.code, input.nameOf(g.latest.connectionId), groupText(g)])}`);
  }

  const latest = latestClosures(analysis.closures, analysis.verdictByClosure);
  if (latest.length > 0) lines.push(t('popup_text_latest'));
  for (const { closure, verdict } of latest) {
    const conn = byId.get(closure.connectionId);
    const level = verdict ? t(levelLabelId(verdict.level)) : t('popup_level_none');
    const subs = [
      level,
      closure.code,
      input.nameOf(closure.connectionId),
      stamp(closure.closedAt, input.locale),
      shownUrl(conn?.url ?? ''),
    ];
    // A close the panel's Simulate made says so, as the popup and the panel tag it: pasted into a bug report,
    // it would otherwise read as the server's own close.
    lines.push(`  ${t(closure.simulated ? 'popup_text_closure_simulated' : 'popup_text_closure', subs)}`);
    if (verdict) lines.push(`    ${tText(verdict.text)}`);
  }

  const open = openConnections(recording, analysis);
  lines.push(t('popup_text_open', [open.length]));
  for (const c of open) lines.push(`  ${shownUrl(c.url)}`);

  const dropped = droppedLabels(recording.dropped);
  if (dropped.length > 0) lines.push(t('popup_text_dropped'));
  for (const d of dropped) lines.push(`  ${tText(d.text)}`);

  return lines.join('\n') + '\n';
}
