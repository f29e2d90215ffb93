/**
 * Turns a recording into the demo's printed report, with the same analysis,
 * knowledge, catalog and number formatting the panel uses, in the language of
 * the catalog given, and in the panel's words: who closed reads "connection
 * lost", not the analysis id "network-dropped". Bundled for Node by scripts/demo.mjs.
 */
import { analyzeRecording } from '../../src/analysis';
import { lookupCode } from '../../src/knowledge';
import { catalogTranslator, setTranslator, t, type CatalogEntry } from '../../src/i18n/translate';
import { formatNumber, formatList, tText } from '../../src/i18n/numbers';
import { formatSeconds } from '../../src/ui/components/format';
import { endOf, type Recording } from '../../src/protocol/recording';

export interface ReportLocale {
  catalog: Record<string, CatalogEntry>;
  /** BCP 47 locale for numbers ("en", "ar", "ar-EG", "hi"). */
  intlLocale: string;
}

const pathOf = (url: string) => {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
};

export function report(recording: Recording, locale: ReportLocale, now: number): string[] {
  // A terminal has no <bdi>: isolate substitutions in Arabic, as the panel does.
  setTranslator(catalogTranslator(locale.catalog), { intlLocale: locale.intlLocale, isolate: locale.intlLocale.startsWith('ar') });
  const analysis = analyzeRecording(recording, { profileId: 'default', now });
  const byId = new Map(recording.connections.map((c) => [c.id, c]));
  const nameOf = (code: number, url: string, protocols: string[]) => {
    const l = lookupCode(code, { url, protocol: protocols[0] });
    return l.kind === 'known' ? t(l.entry.nameId) : l.kind === 'range' ? t(l.range.nameId) : l.entries.map((e) => t(e.nameId)).join(' / ');
  };
  const open = recording.connections.filter((c) => !endOf(c));
  const closures = analysis.closures.filter((c) => byId.has(c.connectionId));
  const lines: string[] = [t('demo_report_heading', [recording.connections.length, closures.length, open.length]), ''];
  const t0 = recording.connections[0]?.createdAt ?? recording.startedAt;
  const at = (ms: number) => formatNumber((ms - t0) / 1000, 2);
  // One time column, sorted: closures at their close, open sockets at their creation.
  const rows: [number, string][] = [];
  for (const c of closures) {
    const conn = byId.get(c.connectionId);
    if (!conn) continue;
    const next = c.next ? t('demo_report_next', [formatSeconds(c.next.delayS)]) : t('demo_report_no_reconnect');
    const by = t(`panel_initiator_${c.initiator.replace(/-/g, '_')}`) + (c.inferred ? t('panel_inferred_mark') : '');
    rows.push([c.closedAt, t('demo_report_closure', [at(c.closedAt), pathOf(conn.url), String(c.code), nameOf(c.code, conn.url, conn.protocols), by, next])]);
  }
  for (const c of open) rows.push([c.createdAt, t('demo_report_open', [at(c.createdAt), pathOf(c.url)])]);
  lines.push(...rows.sort((a, b) => a[0] - b[0]).map(([, line]) => line));
  lines.push('', t('demo_report_verdicts'));
  for (const e of analysis.episodes) {
    const conn = byId.get(e.triggerId);
    const path = conn ? pathOf(conn.url) : e.triggerId;
    lines.push(`  ${t('demo_report_verdict', [String(e.code), path, t(`popup_level_${e.verdict.level}`), tText(e.verdict.text)])}`);
    if (e.delaysS.length) lines.push(`    ${t('demo_report_delays', [formatList(e.delaysS.map(formatSeconds))])}`);
  }
  const dropped = Object.entries(recording.dropped).filter(([, n]) => n > 0);
  lines.push('');
  lines.push(dropped.length ? t('panel_dropped', [formatList(dropped.map(([k, n]) => t(`panel_dropped_${snake(k)}`, [n])))]) : t('demo_report_nothing_dropped'));
  return lines;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
