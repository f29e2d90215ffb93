/**
 * Turns a recording into the demo's printed report, with the same analysis,
 * knowledge and catalog the panel uses. Bundled for Node by scripts/demo.mjs.
 */
import { analyzeRecording } from '../../src/analysis';
import { lookupCode } from '../../src/knowledge';
import { catalogTranslator, type CatalogEntry } from '../../src/ui/i18n';
import type { Recording } from '../../src/protocol/recording';
import type { I18nText } from '../../src/analysis/types';

export function report(recording: Recording, catalog: Record<string, CatalogEntry>, now: number): string[] {
  const t = catalogTranslator(catalog);
  const text = (x: I18nText) => t(x.id, x.subs);
  const analysis = analyzeRecording(recording, { profileId: 'default', now });
  const byId = new Map(recording.connections.map((c) => [c.id, c]));
  const nameOf = (code: number, url: string, protocols: string[]) => {
    const l = lookupCode(code, { url, protocol: protocols[0] });
    return l.kind === 'known' ? t(l.entry.nameId) : l.kind === 'range' ? t(l.range.nameId) : l.entries.map((e) => t(e.nameId)).join(' / ');
  };
  const lines: string[] = [];
  const t0 = recording.connections[0]?.createdAt ?? recording.startedAt;
  for (const c of analysis.closures) {
    const conn = byId.get(c.connectionId);
    if (!conn) continue;
    const at = ((c.closedAt - t0) / 1000).toFixed(2).padStart(6);
    const path = new URL(conn.url).pathname + new URL(conn.url).search;
    const next = c.next ? `next after ${c.next.delayS.toFixed(2)} s` : 'no reconnect';
    lines.push(`${at} s  ${path.padEnd(24)} ${String(c.code).padEnd(5)} ${nameOf(c.code, conn.url, conn.protocols).padEnd(22)} by ${c.initiator.padEnd(22)} ${next}`);
  }
  lines.push('');
  lines.push('Verdicts (default profile):');
  for (const e of analysis.episodes) {
    const conn = byId.get(e.triggerId);
    const path = conn ? new URL(conn.url).pathname : e.triggerId;
    lines.push(`  ${String(e.code).padEnd(5)} ${path.padEnd(12)} ${e.verdict.level.toUpperCase().padEnd(12)} ${text(e.verdict.text)}`);
    if (e.delaysS.length) lines.push(`  ${' '.repeat(18)}delays: ${e.delaysS.map((d) => d.toFixed(2)).join(', ')} s`);
  }
  const dropped = Object.entries(recording.dropped).filter(([, n]) => n > 0);
  lines.push('');
  lines.push(dropped.length ? `Dropped: ${dropped.map(([k, n]) => `${k} ${n}`).join(', ')}` : 'Nothing dropped.');
  return lines;
}
