/**
 * Turns a recording into the demo's printed report, with the same analysis,
 * knowledge, catalog and number formatting the panel uses, in the language of
 * the catalog given, and in the panel's words: who closed reads "connection
 * lost", not the analysis id "network-dropped". Bundled for Node by scripts/demo.mjs.
 */
import { analyzeRecording } from '../../src/analysis';
import { droppedLabels, presentRecording } from '../../src/analysis/present';
import { codeNameText } from '../../src/i18n/code-name';
import { catalogTranslator, setTranslator, t, type CatalogEntry } from '../../src/i18n/translate';
import { formatNumber, formatList, tText } from '../../src/i18n/numbers';
import { tPlural } from '../../src/i18n/plural';
import { formatSeconds } from '../../src/ui/components/format';
import type { Recording } from '../../src/protocol/recording';

export interface ReportLocale {
  catalog: Record<string, CatalogEntry>;
  /** BCP 47 locale for numbers ("en", "ar", "ar-EG", "hi"). */
  intlLocale: string;
}

export function report(recording: Recording, locale: ReportLocale, now: number): string[] {
  // A terminal has no <bdi>: isolate substitutions in Arabic, as the panel does.
  setTranslator(catalogTranslator(locale.catalog), {
    intlLocale: locale.intlLocale,
    isolate: locale.intlLocale.startsWith('ar'),
  });
  const analysis = analyzeRecording(recording, { profileId: 'default', now });
  // Everything said about a connection comes from the presentation model, as in the panel.
  const presented = presentRecording(recording, analysis);
  const open = recording.connections.filter((c) => presented.get(c.id)?.outcome === 'open');
  const closures = analysis.closures.filter((c) => presented.has(c.connectionId));
  const lines: string[] = [
    tPlural('demo_report_heading', recording.connections.length, [closures.length, open.length]),
    '',
  ];
  const t0 = recording.connections[0]?.createdAt ?? recording.startedAt;
  const at = (ms: number) => formatNumber((ms - t0) / 1000, 2);
  // One time column, sorted: closures at their close, open sockets at their creation.
  const rows: [number, string][] = [];
  for (const c of closures) {
    const p = presented.get(c.connectionId);
    if (!p?.closure) continue;
    const next = c.next ? t('demo_report_next', [formatSeconds(c.next.delayS)]) : t('demo_report_no_reconnect');
    const by = t(p.closure.closedByLabelId) + (c.inferred ? t('panel_inferred_mark') : '');
    const name = codeNameText(p.closure);
    rows.push([c.closedAt, t('demo_report_closure', [at(c.closedAt), p.path, String(c.code), name, by, next])]);
  }
  for (const c of open)
    rows.push([c.createdAt, t('demo_report_open', [at(c.createdAt), presented.get(c.id)?.path ?? c.url])]);
  lines.push(...rows.sort((a, b) => a[0] - b[0]).map(([, line]) => line));
  lines.push('', t('demo_report_verdicts'));
  for (const e of analysis.episodes) {
    const p = presented.get(e.triggerId);
    const level = t(p?.closure?.levelLabelId ?? `ui_verdict_${e.verdict.level}`);
    lines.push(`  ${t('demo_report_verdict', [String(e.code), p?.path ?? e.triggerId, level, tText(e.verdict.text)])}`);
    if (e.delaysS.length) lines.push(`    ${t('demo_report_delays', [formatList(e.delaysS.map(formatSeconds))])}`);
  }
  const dropped = droppedLabels(recording.dropped);
  lines.push('');
  if (dropped.length === 0) lines.push(t('demo_report_nothing_dropped'));
  else lines.push(t('dropped_heading'), ...dropped.map((d) => `  ${tText(d.text)}`));
  return lines;
}
