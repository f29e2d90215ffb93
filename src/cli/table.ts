/** The report card as a plain-text table for stdout, and the progress bar for stderr. */
import type { RenderedRow } from '../audit/render';
import { droppedLabels } from '../analysis/present';
import { pluralId } from '../i18n/plural';
import type { DroppedCounts } from '../protocol/recording';
import type { Translate } from './args';

const WRAP = 100;

/**
 * Text from the page (URLs, reasons inside sentences) must not drive the terminal: control characters
 * (escape sequences, carriage returns, C1 codes) are shown as U+FFFD.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}

/** One block per endpoint: a row per scenario with level, delays and expectation, then the sentence indented. */
export function formatTable(rows: readonly RenderedRow[], t: Translate): string[] {
  return layout(rows, t).map(printable);
}

/**
 * The closing line: how many checks found a problem. Its noun agrees with the number of checks, by the
 * plural rules of `locale`, the language of the catalog behind `t`.
 */
export function summaryLine(problems: number, checks: number, profileId: string, t: Translate, locale: string): string {
  return problems
    ? t(pluralId('cli_summary_problems', checks, locale), [String(checks), String(problems), profileId])
    : t(pluralId('cli_summary_ok', checks, locale), [String(checks), profileId]);
}

/**
 * What the recording the verdicts were judged on lost (connections over the rate limit or evicted, events,
 * cut values), as the panel's and popup's notice lists it: a check judged on incomplete data says so where
 * its verdicts are read. Nothing when nothing was lost. Counted by the plural rules of `locale`.
 */
export function droppedLines(dropped: DroppedCounts, t: Translate, locale: string): string[] {
  const labels = droppedLabels(dropped);
  if (labels.length === 0) return [];
  return [
    `${t('dropped_heading')}:`,
    ...labels.map(({ text }) => `  ${t(pluralId(text.id, Number(text.subs?.[0]), locale), text.subs)}`),
  ];
}

function layout(rows: readonly RenderedRow[], t: Translate): string[] {
  const lines: string[] = [];
  const byEndpoint = new Map<string, RenderedRow[]>();
  for (const r of rows) byEndpoint.set(r.endpoint, [...(byEndpoint.get(r.endpoint) ?? []), r]);
  const heads = [t('audit_col_scenario'), t('audit_col_verdict'), t('audit_col_delays'), t('audit_col_expected')];
  const cells = rows.map((r) => [r.scenario, r.levelText.toUpperCase(), r.delays || '–', r.expected || '–']);
  const widths = heads.map((h, i) => Math.min(40, Math.max(h.length, ...cells.map((c) => (c[i] as string).length))));
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i] as number))).join('  ');
  for (const [endpoint, list] of byEndpoint) {
    lines.push(`${t('audit_col_endpoint')}: ${endpoint}`);
    lines.push(`  ${line(heads)}`);
    for (const r of list) {
      lines.push(`  ${line([r.scenario, r.levelText.toUpperCase(), r.delays || '–', r.expected || '–'])}`);
      for (const part of wrap(`${r.sentence} (${r.outcomeText})`, WRAP)) lines.push(`      ${part}`);
    }
    lines.push('');
  }
  return lines;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/)) {
    if (cur && cur.length + 1 + word.length > width) {
      out.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(cur);
  return out;
}

export function progressBar(fraction: number, width = 24): string {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const full = Math.round(f * width);
  return `${'#'.repeat(full)}${'.'.repeat(width - full)}`;
}
