/**
 * The words of one popup group: "1 episode: blind retry ×4", "× 3", or both.
 * Shared by the popup and its copied summary so they count alike.
 */
import { levelLabelId } from '../analysis/present';
import type { Verdict } from '../analysis/types';
import { t } from '../i18n/translate';
import { tPlural } from '../i18n/plural';
import type { CodeGroup } from './summary-model';

/**
 * A verdict in two or three words, keyed by its sentence's catalog id. A
 * sentence without a short form (a new rule) falls back to its level's name.
 * A problem's words name the kind the toolbar badge's tooltip names for it
 * (group-text.test.ts holds every profile's problems to that).
 */
const SHORT_BY_TEXT: Readonly<Record<string, string>> = {
  verdict_storm: 'popup_short_storm',
  // The same storm, counted with sockets opened beside the reconnect chain.
  verdict_storm_parallel: 'popup_short_storm',
  verdict_terminal_blind_retry: 'popup_short_blind_retry',
  verdict_terminal_changed_request: 'popup_short_changed_request',
  verdict_no_reconnect: 'popup_short_no_reconnect',
  verdict_restart_too_soon: 'popup_short_too_soon',
  verdict_overload_too_soon: 'popup_short_too_soon',
  verdict_iana_restart_too_soon: 'popup_short_too_soon',
  // A protocol's own "retry later" code (Discord's 4008) retried at once: the badge says "retried too soon".
  verdict_retry_later_too_soon: 'popup_short_too_soon',
  verdict_restart_slow: 'popup_short_slow',
  verdict_iana_restart_slow: 'popup_short_slow',
  verdict_rfc_slow: 'popup_short_slow',
  verdict_backoff_no_backoff: 'popup_short_no_backoff',
  verdict_backoff_slow_growth: 'popup_short_slow_growth',
  verdict_backoff_low_cap: 'popup_short_low_cap',
};

export function shortVerdict(v: Verdict): string {
  const id = SHORT_BY_TEXT[v.text.id];
  return id ? t(id) : t(levelLabelId(v.level)).toLowerCase();
}

export function groupText(g: CodeGroup): string {
  const parts: string[] = [];
  if (g.episodes.length > 0) {
    // Episodes judged alike are told once, with their attempts added up.
    const attempts = new Map<string, number>();
    for (const e of g.episodes) {
      const label = shortVerdict(e.verdict);
      attempts.set(label, (attempts.get(label) ?? 0) + e.attempts);
    }
    const list = [...attempts]
      .map(([label, n]) => (n > 0 ? t('popup_group_label_times', [label, n]) : label))
      .join(', ');
    parts.push(tPlural('popup_group_episodes', g.episodes.length, [list]));
  }
  if (g.lone > 0)
    parts.push(g.episodes.length > 0 ? tPlural('popup_group_more', g.lone) : t('popup_group_count', [g.lone]));
  return parts.join(t('popup_group_separator'));
}
