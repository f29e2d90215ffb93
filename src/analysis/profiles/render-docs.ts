/**
 * Renders docs/recommendations.md from the profile data, so the document can
 * never drift from what the engine judges by. English sentences come from the
 * catalog through the translator given (placeholders are shown by name). The
 * default profile's definition in prose, with its reference table and worked
 * examples, is docs/verdicts.md.
 */
import type { Finding, Profile, ReconnectRule, Rule } from './types';
import type { ReconnectAdvice } from '../../knowledge/types';

type English = (id: string) => string;

const ADVICE_ORDER: ReconnectAdvice[] = ['restart', 'backoff', 'do-not-resend', 'app-choice', 'none'];

/** Names of the $1..$n substitutions, per kind of sentence. */
const PH = {
  first: ['d1', 'min', 'max', 'code'],
  noReconnect: ['window', 'code'],
  noBackoff: ['delays', 'k', 'limit'],
  slowGrowth: ['delays', 'k', 'E_k', 'limit', 'base'],
  lowCap: ['n', 'delays', 'E_n', 'cap'],
  list: ['delays'],
  notJudged: ['min delays', 'delays'],
  codeDelay: ['code', 'delay', 'host'],
  storm: ['count', 'span', 'attempts', 'window'],
  wait: ['wait'],
};

/** A counted sentence (a plural family) is shown in its "other" form, the one for most counts. */
function sentence(en: English, f: Finding, names: string[]): string {
  const text = en(f.plural ? `${f.textId}_other` : f.textId);
  return text.replace(/\$(\d)/g, (_m, d: string) => `{${names[Number(d) - 1] ?? d}}`);
}

function row(cells: (string | number)[]): string {
  return `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
}

function findingRow(en: English, f: Finding, when: string, names: string[]): string {
  return row([`\`${f.id}\``, f.level, when, sentence(en, f, names)]);
}

function ruleSection(en: English, p: Profile, rule: Rule, appliesTo: string): string[] {
  const tol = p.terms.toleranceS;
  const w = p.terms.linkWindowS;
  const exp = rule.expected;
  const expected = en(exp.textId)
    .replace('$1', String(exp.minS ?? 0))
    .replace('$2', exp.maxS === undefined ? '' : String(exp.maxS));
  const out = [
    `#### ${en(rule.titleId)}`,
    '',
    `Applies to: ${appliesTo}. Rule id \`${rule.id}\`. Source: [${en(rule.source.labelId)}](${rule.source.url}).`,
    '',
    `Expected (shown with every verdict of this rule): "${expected}".`,
    '',
  ];
  out.push(row(['finding', 'level', 'when', 'sentence']), row(['---', '---', '---', '---']));
  switch (rule.kind) {
    case 'reconnect': {
      out.push(findingRow(en, rule.noReconnect, `no attempt within ${w} s`, PH.noReconnect));
      const fd = rule.firstDelay;
      if (fd?.tooSoon && fd.minS !== undefined)
        out.push(findingRow(en, fd.tooSoon, `d1 < ${fd.minS} s − ${tol} s`, PH.first));
      if (fd?.slow && fd.maxS !== undefined)
        out.push(findingRow(en, fd.slow, `d1 > ${fd.maxS} s + ${tol} s`, PH.first));
      if (fd) out.push(findingRow(en, fd.fits, `d1 in ${fd.minS ?? 0}–${fd.maxS ?? '∞'} s`, PH.first));
      if (rule.backoff) out.push(...backoffRows(en, p, rule));
      break;
    }
    case 'no-resend':
      out.push(
        findingRow(
          en,
          rule.blindRetry,
          `an attempt within ${w} s with the same URL (query included; a SockJS session's ids aside) and subprotocols`,
          PH.codeDelay,
        ),
      );
      out.push(findingRow(en, rule.changedRequest, 'attempts, each with a changed URL or subprotocols', PH.codeDelay));
      out.push(findingRow(en, rule.noRetry, `no attempt within ${w} s`, PH.codeDelay));
      break;
    case 'user-action':
      out.push(findingRow(en, rule.autoReconnect, `an attempt to the same endpoint within ${w} s`, PH.codeDelay));
      out.push(findingRow(en, rule.movedHost, 'the first attempt went to another host ("moved")', PH.codeDelay));
      out.push(findingRow(en, rule.noRetry, `no attempt within ${w} s`, PH.codeDelay));
      break;
    case 'none':
      out.push(findingRow(en, rule.noReconnect, 'no attempt', PH.codeDelay));
      out.push(findingRow(en, rule.reconnected, 'an attempt', PH.codeDelay));
      break;
  }
  out.push('');
  return out;
}

function backoffRows(en: English, p: Profile, rule: ReconnectRule): string[] {
  const b = p.backoff;
  const tol = p.terms.toleranceS;
  const spec = rule.backoff;
  if (!spec) return [];
  const from = spec.when === 'always' ? '' : ' (only when the first reconnect failed, i.e. 2+ delays)';
  const notJudged = spec.notJudged ?? b.notJudged;
  const nb = b.noBackoff;
  return [
    findingRow(
      en,
      spec.noBackoff,
      `${nb.fromK}+ delays${from}: some k ≥ ${nb.fromK} with E_k < ${nb.maxWaitS} s − ${tol} s and every one of d_2 … d_k ≤ ${nb.growthFactor} · max(d1, ${nb.floorS} s)`,
      PH.noBackoff,
    ),
    findingRow(
      en,
      b.slowGrowth.finding,
      `some k ≥ ${b.slowGrowth.fromK} with E_k < ${b.slowGrowth.baseS} · 2^(k−1) s − ${tol} s and E_k < ${b.slowGrowth.ceilingS} s − ${tol} s`,
      PH.slowGrowth,
    ),
    findingRow(
      en,
      b.lowCap.finding,
      `${b.lowCap.minDelays}+ delays and E_n < ${b.lowCap.capS} s − ${tol} s`,
      PH.lowCap,
    ),
    ...(b.fitsUngrownTextId
      ? [
          findingRow(
            en,
            b.fits,
            `none of the above, and some d_k grew past ${nb.growthFactor} · max(d1, ${nb.floorS} s)`,
            PH.list,
          ),
          findingRow(
            en,
            { ...b.fits, textId: b.fitsUngrownTextId },
            'none of the above, and none grew past it',
            PH.list,
          ),
        ]
      : [findingRow(en, b.fits, 'none of the above', PH.list)]),
    findingRow(en, notJudged, `fewer than ${b.minDelays} delays`, PH.notJudged),
  ];
}

export function renderRecommendations(profiles: readonly Profile[], en: English): string {
  const out: string[] = [
    '# Recommendation profiles',
    '',
    '<!-- Generated from src/analysis/profiles by src/analysis/profiles/render-docs.test.ts. Do not edit by hand: run `UPDATE_DOCS=1 npx vitest run --config vitest.config.ts src/analysis/profiles` -->',
    '',
    "Closeline judges a page's reconnect timing after each close against one profile (chosen in the settings). Every threshold below is read from the same data the rule engine uses. The default profile is defined in prose, with its reference table and worked examples, in [verdicts.md](verdicts.md).",
    '',
    "Notation: d_k is the wait before attempt k, from the end of the previous connection (its close event; when the browser failed the connection, the error event it fires just before that close, as a page may make its next attempt in its error handler, between the two) to the next attempt's construction, in seconds; E_k = max(d_1 … d_k). Sentences show their substitutions in braces.",
    '',
  ];
  for (const p of profiles) out.push(...profileSection(p, en));
  out.push(...jitterSection(profiles[0]));
  return `${out.join('\n').trimEnd()}\n`;
}

function profileSection(p: Profile, en: English): string[] {
  const t = p.terms;
  const out = [
    `## ${en(p.nameId)} (\`${p.id}\`)`,
    '',
    en(p.descriptionId),
    '',
    `Sources: ${p.sources.map((s) => `[${en(s.labelId)}](${s.url})`).join('; ')}.`,
    '',
    '### Terms',
    '',
    row(['term', 'value']),
    row(['---', '---']),
    row(['an attempt links to a closure (same endpoint, or moved) within', `${t.linkWindowS} s`]),
    row(['an attempt that stays open this long ends the episode (recovered)', `${t.stableOpenS} s`]),
    row([
      'a socket created at most this long before a closure, outliving it, is its make-before-break replacement ("overlapping", delay 0)',
      `${t.overlapWindowS} s`,
    ]),
    row(["measurement tolerance, always in the page's favour", `${t.toleranceS} s`]),
    '',
    '### Rules',
    '',
    `Storm (any code, overrides every other rule, still counts in throttled waits): ${p.storm.attempts} or more attempts to one endpoint within any ${p.storm.windowS} s (− ${t.toleranceS} s). Level ${p.storm.finding.level}: "${sentence(en, p.storm.finding, PH.storm)}" Sockets the page opened to the endpoint after one of its closures that answer no closure (more than one socket per failure) count with the episode of the last closure before them, and so do the attempts of their own episodes; when they are among those counted: "${sentence(en, { ...p.storm.finding, textId: p.storm.parallelTextId }, [...PH.storm, 'beside'])}"`,
    '',
    `Throttled waits: when the tab was hidden, frozen or offline during a wait, a finding that says the page waited too long (a slow first delay, no reconnect) becomes ${p.common.throttled.hidden.level}, e.g. "${sentence(en, p.common.throttled.hidden, PH.wait)}" Findings that say it waited too little (too soon, no backoff, slow growth, low cap, storms) stand: throttling only lengthens waits.`,
    '',
    `Waits a document left: when the page unloaded the document for good during a wait (its pagehide not into the back/forward cache: a reload, a navigation away), before any attempt in it, the wait ends there and is judged at once; "no reconnect" becomes ${p.common.throttled.left.level}: "${sentence(en, p.common.throttled.left, PH.wait)}" Findings made before (too soon, backoff, storms) stand, and so does a "no reconnect" that is info.`,
    '',
    `A wait still running when the recording ends is ${p.common.pending.level} unless a problem is already certain (a problem never goes away once found): "${sentence(en, p.common.pending, PH.wait)}"`,
    '',
    `A make-before-break replacement (created before the close, outliving it) links with delay 0; its first wait is not judged (no "too soon"): ${p.common.overlapping.level}, "${sentence(en, p.common.overlapping, ['code'])}" Later waits and storms are judged as usual.`,
    '',
  ];
  const codesByAdvice = new Map<ReconnectAdvice, number[]>();
  for (const [code, advice] of Object.entries(p.codes)) {
    const overridden = p.ruleByCode[Number(code)];
    if (overridden) continue;
    codesByAdvice.set(advice, [...(codesByAdvice.get(advice) ?? []), Number(code)]);
  }
  const seen = new Set<Rule>();
  for (const advice of ADVICE_ORDER) {
    const rule = p.rules[advice];
    const codes = (codesByAdvice.get(advice) ?? []).sort((a, b) => a - b).join(', ');
    const sameRule = ADVICE_ORDER.filter((a) => p.rules[a] === rule);
    if (seen.has(rule)) continue;
    seen.add(rule);
    const applies = sameRule
      .map(
        (a) =>
          `${(codesByAdvice.get(a) ?? []).sort((x, y) => x - y).join(', ') || 'no codes by name'} and codes the knowledge base marks "${a}"`,
      )
      .join('; ');
    out.push(
      ...ruleSection(
        en,
        p,
        rule,
        advice === 'none' ? `${applies}; and every close the page itself initiated` : applies || codes,
      ),
    );
  }
  for (const [advice, rule] of Object.entries(p.protocolRules)) {
    if (rule)
      out.push(
        ...ruleSection(
          en,
          p,
          rule,
          `codes ≥ 3000 whose established protocol (negotiated subprotocol, or documented endpoint URL) marks them "${advice}"`,
        ),
      );
  }
  for (const [code, rule] of Object.entries(p.ruleByCode)) out.push(...ruleSection(en, p, rule, `close code ${code}`));
  return out;
}

function jitterSection(p: Profile | undefined): string[] {
  if (!p) return [];
  const b = p.backoff;
  const tol = p.terms.toleranceS;
  return [
    '## How jittered backoff is read',
    '',
    `The checks look at E_k, the longest wait so far, not at each wait, so jitter that makes one wait shorter than the one before does not count against a page. Thresholds in seconds are loosened by ${tol} s in the page's favour; the growth clause (d_k ≤ ${b.noBackoff.growthFactor} · max(d1, ${b.noBackoff.floorS} s)) compares waits as a ratio and has no tolerance.`,
    '',
    `- Doubling with ±50 % jitter: wait k is at least 0.5 · 2^(k−1) s, above ${b.slowGrowth.baseS} · 2^(k−1) s, so it never shows slow growth until its cap; it counts as exponential.`,
    `- Full jitter (wait k = 0.5 s + random(0, 0.5 · 2^(k−1))): single waits can be short, but some later wait soon passes ${b.noBackoff.growthFactor} · d1, so "no backoff" (which needs ${b.noBackoff.fromK} waits, every one of them flat) holds in under 0.5 % of episodes; early draws that all land low can show slow growth. The verdict follows the waits actually observed, as for every shape.`,
    `- A capped maximum: growth stops at the cap. A cap of ${b.lowCap.capS} s or more is fine; below it, ${b.lowCap.minDelays}+ delays give the low-cap advice (and slow growth once ${b.slowGrowth.baseS} · 2^(k−1) s passes the cap while under ${b.slowGrowth.ceilingS} s).`,
    `- A constant delay c is not a backoff: with c under ${b.noBackoff.maxWaitS} s it is "no backoff" from attempt ${b.noBackoff.fromK}; with c under ${b.slowGrowth.ceilingS} s it shows slow growth as soon as ${b.slowGrowth.baseS} · 2^(k−1) s passes c, and the low cap at ${b.lowCap.minDelays} delays. Only a constant of ${b.lowCap.capS} s or more passes: it already waits as long as a capped backoff would.`,
    `- A tiny first wait (a few ms) does not hide a loop: the growth bound is ${b.noBackoff.growthFactor} · max(d1, ${b.noBackoff.floorS} s).`,
    `- With fewer than ${b.minDelays} delays the shape is not judged; the verdict says so.`,
    '',
  ];
}
