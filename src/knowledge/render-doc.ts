/**
 * Renders docs/close-codes.md from the knowledge data and the message catalog,
 * so the reference page can never drift from what the panel shows. The
 * structure (headings, table headers) is English prose for developers reading
 * the repository; every code's text comes from the catalog.
 */
import { allComparisons, allEntries, allRanges } from './index';
import { adviceLabelId, categoryLabelId, protocolLabelId } from './labels';
import type { CodeEntry, CodeRange, Comparison } from './types';

export type Text = (id: string) => string;

/** Table cells must not break the table. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const anchor = (protocol: string, code: number) => `${protocol}-${code}`;

function rangeText(r: CodeRange): string {
  return r.from === r.to ? String(r.from) : `${r.from}–${r.to}`;
}

function renderRanges(t: Text, ranges: readonly CodeRange[]): string[] {
  const lines = [
    '## Ranges',
    '',
    '| Codes | Protocol | Name | Category | Reconnect advice | Meaning |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of ranges) {
    const proto = t(protocolLabelId(r.protocol ?? 'websocket'));
    lines.push(
      `| ${rangeText(r)} | ${cell(proto)} | ${cell(t(r.nameId))} | ${cell(t(categoryLabelId(r.category)))} | ` +
        `\`${r.reconnect}\` | ${cell(t(r.meaningId))} [${cell(t(r.source.labelId))}](${r.source.url}) |`,
    );
  }
  return [...lines, ''];
}

function renderEntry(t: Text, e: CodeEntry, comparisons: readonly Comparison[]): string[] {
  const lines = [`<a id="${anchor(e.protocol, e.code)}"></a>`, `### ${e.code} ${t(e.nameId)}`, ''];
  const facts = [
    `Category: ${t(categoryLabelId(e.category))}`,
    `Reconnect advice: \`${e.reconnect}\` (${t(adviceLabelId(e.reconnect))})`,
  ];
  if (e.neverOnWire) facts.push(t('code_never_on_wire'));
  lines.push(`*${facts.join(' · ')}*`, '');
  lines.push(`- **Meaning:** ${t(e.meaningId)}`);
  lines.push(`- **When you typically see it:** ${t(e.whenId)}`);
  lines.push(`- **How to fix:** ${t(e.fixId)}`);
  lines.push(`- **Reconnecting:** ${t(e.reconnectId)}`);
  const related = comparisons.filter((c) => c.codes.includes(e.code) && e.protocol === 'websocket');
  if (related.length > 0) {
    lines.push(`- **Often confused with:** ${related.map((c) => `[${t(c.titleId)}](#${c.id})`).join(', ')}`);
  }
  lines.push(`- **Source:** [${t(e.source.labelId)}](${e.source.url})`, '');
  return lines;
}

function renderComparison(t: Text, c: Comparison): string[] {
  const lines = [`<a id="${c.id}"></a>`, `### ${t(c.titleId)}`, '', 'Key differences:', ''];
  for (const id of c.differenceIds) lines.push(`- ${t(id)}`);
  lines.push('', 'When to use which:', '');
  c.codes.forEach((code, i) => {
    const id = c.useWhenIds[i];
    if (id) lines.push(`- **${code}:** ${t(id)}`);
  });
  return [...lines, ''];
}

export function renderCloseCodesDoc(t: Text): string {
  const entries = allEntries();
  const comparisons = allComparisons();
  const protocols = [...new Set(entries.map((e) => e.protocol))];
  const out: string[] = [
    '# WebSocket close codes',
    '',
    '<!-- Generated from src/knowledge by src/knowledge/close-codes-doc.test.ts. Do not edit by hand:',
    '     run `UPDATE_DOCS=1 npx vitest run --config vitest.config.ts src/knowledge` to regenerate. -->',
    '',
    'Every code Closeline explains, with the same text the panel shows. Reconnect advice is the default',
    "profile's ([verdicts.md](verdicts.md)): `restart` (reconnect after 1–5 s), `backoff` (exponential, from 1 s,",
    'doubling), `do-not-resend` (fix the cause; do not retry the same request), `app-choice` (reconnecting is',
    'up to the app; back off with jitter if it does) and `none` (no reconnect expected).',
    '',
    '## How a code is resolved',
    '',
    '1. 1000–2999 belong to the WebSocket protocol: always the RFC 6455 / IANA meaning.',
    '2. A protocol established for the socket decides: its subprotocol was negotiated (`graphql-transport-ws` →',
    '   graphql-ws; `centrifuge-protobuf` → Centrifugo), or the URL is its documented endpoint (a Discord gateway',
    '   host, `gateway.discord.gg` or `gateway-*.discord.gg`; a Centrifugo path ending in `/connection/websocket`)',
    '   and no other subprotocol was negotiated. A subprotocol only requested, not negotiated, establishes',
    '   nothing. The legacy subprotocol named `graphql-ws` is subscriptions-transport-ws and rules graphql-ws out.',
    '3. Otherwise the IANA-registered 3000, 3003 and 3008 keep their registered meaning.',
    '4. Otherwise the code has **no known meaning** here: its range decides (for 3000–4999, reconnecting is the',
    "   app's choice). Protocols the context leaves possible that define the code are shown only as",
    '   "if this is <protocol>: …"; a merely possible protocol never decides a verdict.',
    '5. Otherwise only the range is known.',
    '',
    ...renderRanges(t, allRanges()),
  ];
  for (const protocol of protocols) {
    out.push(`## ${t(protocolLabelId(protocol))}`, '');
    for (const e of entries.filter((x) => x.protocol === protocol)) out.push(...renderEntry(t, e, comparisons));
  }
  out.push('## Codes people confuse', '');
  for (const c of comparisons) out.push(...renderComparison(t, c));
  return out.join('\n').replace(/\n+$/, '\n');
}
