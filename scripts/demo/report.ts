/**
 * Turns a recording into the demo's printed report, with the same analysis,
 * knowledge and catalog the panel uses, in the panel's words: who closed reads
 * "connection lost", not the analysis id "network-dropped".
 */
import { analyzeRecording } from '../../src/analysis';
import { lookupCode } from '../../src/knowledge';
import { endOf, type Recording } from '../../src/protocol/recording';
import { catalogTranslator, type CatalogEntry } from '../../src/ui/i18n';
import type { I18nText } from '../../src/analysis/types';

const pathOf = (url: string) => {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
};

export function report(recording: Recording, catalog: Record<string, CatalogEntry>, now: number): string[] {
  const t = catalogTranslator(catalog);
  const text = (x: I18nText) => t(x.id, x.subs);
  const analysis = analyzeRecording(recording, { profileId: 'default', now });
  const byId = new Map(recording.connections.map((c) => [c.id, c]));
  const nameOf = (code: number, url: string, protocols: string[]) => {
    const l = lookupCode(code, { url, protocol: protocols[0] });
    return l.kind === 'known' ? t(l.entry.nameId) : l.kind === 'range' ? t(l.range.nameId) : l.entries.map((e) => t(e.nameId)).join(' / ');
  };
  const t0 = recording.connections[0]?.createdAt ?? recording.startedAt;
  const seconds = (at: number) => `${((at - t0) / 1000).toFixed(2)} s`;
  const closures = [...analysis.closures].sort((a, b) => a.closedAt - b.closedAt);
  const open = recording.connections.filter((c) => !endOf(c));

  const lines: string[] = [
    `${recording.connections.length} connections: ${closures.length} closed, ${open.length} still open. ` +
      `Time: when it closed (or, if open, was created), in seconds since the first socket was created.`,
    '',
    `${'time'.padStart(9)}  ${'endpoint'.padEnd(24)} ${'code'.padEnd(5)} ${'name'.padEnd(22)} ${'closed by'.padEnd(26)} next attempt`,
  ];
  const rows: [number, string][] = [];
  for (const c of closures) {
    const conn = byId.get(c.connectionId);
    if (!conn) continue;
    const by = t(`panel_initiator_${c.initiator.replace(/-/g, '_')}`) + (c.inferred ? t('panel_inferred_mark') : '');
    const next = c.next ? `after ${c.next.delayS.toFixed(2)} s` : 'none';
    rows.push([
      c.closedAt,
      `${seconds(c.closedAt).padStart(9)}  ${pathOf(conn.url).padEnd(24)} ${String(c.code).padEnd(5)} ` +
        `${nameOf(c.code, conn.url, conn.protocols).padEnd(22)} ${by.padEnd(26)} ${next}`,
    ]);
  }
  for (const c of open) rows.push([c.createdAt, `${seconds(c.createdAt).padStart(9)}  ${pathOf(c.url).padEnd(24)} open since then`]);
  // One time column, sorted: closures by their close, open sockets by their creation.
  lines.push(...rows.sort((a, b) => a[0] - b[0]).map(([, line]) => line));
  lines.push('', 'Verdicts (default profile):');
  for (const e of analysis.episodes) {
    const conn = byId.get(e.triggerId);
    const path = conn ? pathOf(conn.url) : e.triggerId;
    lines.push(`  ${String(e.code).padEnd(5)} ${path.padEnd(24)} ${t(`ui_verdict_${e.verdict.level}`).padEnd(13)} ${text(e.verdict.text)}`);
    if (e.delaysS.length) lines.push(`  ${' '.repeat(30)}waits: ${e.delaysS.map((d) => d.toFixed(2)).join(', ')} s`);
  }
  const dropped = Object.entries(recording.dropped).filter(([, n]) => n > 0);
  lines.push('');
  lines.push(dropped.length ? `Dropped: ${dropped.map(([k, n]) => `${k} ${n}`).join(', ')}` : 'Nothing dropped.');
  return lines;
}
