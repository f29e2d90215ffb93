/**
 * Every string the timeline shows, through t(): lane labels, link labels and
 * the lines of a connection's description (tooltip and screen-reader text).
 * Page strings (endpoints, URLs, hosts) are isolated: as plain strings for the
 * canvas, as page text in the description (BarDescription.tsx).
 */
import { levelLabelId } from '../../analysis/present';
import type { I18nText } from '../../analysis/types';
import { t } from '../../i18n/translate';
import { tText } from '../../i18n/numbers';
import { codeNameText } from '../../i18n/code-name';
import type { Bar, Lane, Link } from './layout';
import { formatDelay, formatOffset, spanOf, type View } from './scale';
import { isolatePage } from '../../ui/components/page-string';

export const text = (m: I18nText): string => tText(m);

/** A lane's label around its endpoint as given (already isolated, possibly shortened to fit). */
export function laneLabelAround(lane: Pick<Lane, 'frameId'>, endpoint: string): string {
  return lane.frameId === 0 ? endpoint : t('timeline_lane_frame', [endpoint, lane.frameId]);
}

/** The label drawn on a reconnect link: its delay, or that it overlapped / moved host. */
export function linkLabel(link: Pick<Link, 'delayS' | 'label' | 'movedTo'>): string {
  if (link.label === 'overlapping') return t('timeline_link_overlapping');
  const delay = text(formatDelay(link.delayS));
  if (link.label === 'moved' && link.movedTo) return t('timeline_link_moved', [delay, isolatePage(link.movedTo)]);
  return delay;
}

export function codeLine(bar: Bar): string | undefined {
  if (bar.code === undefined) return undefined;
  const name = bar.codeNames ? codeNameText(bar.codeNames) : '';
  return name ? t('timeline_tip_code', [bar.code, name]) : t('timeline_tip_code_number', [bar.code]);
}

/** A line of a connection's description: catalog text, the page's URL, or the next attempt's new host. */
export type BarLine = string | { url: string } | { delay: string; movedTo: string };

function nextLine(bar: Bar): BarLine | undefined {
  const next = bar.next;
  if (!next) return undefined;
  if (next.label === 'overlapping') return t('timeline_tip_next_overlapping');
  const delay = text(formatDelay(next.delayS));
  if (next.label === 'moved' && next.movedTo) return { delay, movedTo: next.movedTo };
  return t('timeline_tip_next', [delay]);
}

/** URL, outcome, code and name, verdict, next attempt's delay, simulation: one line each. */
export function barLines(bar: Bar): BarLine[] {
  const lines: BarLine[] = [{ url: bar.url }, t(`timeline_outcome_${bar.outcome}`)];
  const code = codeLine(bar);
  if (code) lines.push(code);
  if (bar.level) lines.push(t('timeline_tip_verdict', [t(levelLabelId(bar.level))]));
  const next = nextLine(bar);
  if (next) lines.push(next);
  if (bar.simulated) lines.push(t('timeline_tip_simulated'));
  return lines;
}

/** The visible range as offsets from the recording start, e.g. "5 s – 30 s". */
export function rangeLabel(view: View, originMs: number): string {
  const step = spanOf(view) / 100;
  return t('timeline_range', [
    text(formatOffset(view.startMs - originMs, step)),
    text(formatOffset(view.endMs - originMs, step)),
  ]);
}
