/**
 * Resolving a close code to its meaning in context, and the reconnect advice
 * that follows from it.
 *
 * Order of resolution:
 * 1. 1000–2999 belong to the WebSocket protocol itself: always the RFC/IANA
 *    entry, else the standard range (no application may redefine them).
 * 2. A protocol the context confirms (subprotocol, URL) and that defines the
 *    code: its entry; else its own range convention (Centrifugo's).
 * 3. The IANA-registered 3000/3003/3008 when nothing confirms a protocol.
 * 4. Protocols the context leaves possible that define the code: ambiguous.
 * 5. The standard range.
 */
import { STANDARD_ENTRIES } from './codes-rfc';
import { PROTOCOLS } from './protocols';
import { standardRangeOf } from './ranges';
import type { CodeCategory, CodeContext, CodeEntry, CodeLookup, CodeRange, ReconnectAdvice } from './types';

/**
 * From most to least conservative: the first advice holds a client back the
 * most. do-not-resend (stop until the cause is fixed) > backoff (retry, slowly)
 * > app-choice (may retry, with backoff) > restart (retry soon) > none (no
 * expectation at all, the least informative). Ambiguous codes take the most
 * conservative advice of their candidates, so a wrong guess errs toward
 * "slow down", never toward "retry at once".
 */
export const CONSERVATIVE_ORDER: readonly ReconnectAdvice[] = ['do-not-resend', 'backoff', 'app-choice', 'restart', 'none'];

const standardByCode = new Map(STANDARD_ENTRIES.map((e) => [e.code, e]));

function fallbackRange(code: number): CodeRange {
  const r = standardRangeOf(code);
  if (r) return r;
  // Negative or non-integer input is not a close code: report it as invalid.
  const invalid = standardRangeOf(0);
  if (!invalid) throw new Error('knowledge: the standard ranges lack 0–999');
  return invalid;
}

function resolved(entries: CodeEntry[]): CodeLookup {
  const [only] = entries;
  return entries.length === 1 && only ? { kind: 'known', entry: only } : { kind: 'ambiguous', entries };
}

export function lookupCode(code: number, ctx: CodeContext = {}): CodeLookup {
  const standard = standardByCode.get(code);
  if (code >= 1000 && code <= 2999) return standard ? { kind: 'known', entry: standard } : { kind: 'range', range: fallbackRange(code) };

  const verdicts = PROTOCOLS.map((p) => ({ p, match: p.match(ctx) }));
  const confirmed = verdicts.filter((v) => v.match === 'confirmed').map((v) => v.p);
  if (confirmed.length > 0) {
    const entries = confirmed.flatMap((p) => p.entries.filter((e) => e.code === code));
    if (entries.length > 0) return resolved(entries);
    const range = confirmed.flatMap((p) => p.ranges).find((r) => code >= r.from && code <= r.to);
    if (range) return { kind: 'range', range };
  } else {
    if (standard) return { kind: 'known', entry: standard };
    const candidates = verdicts
      .filter((v) => v.match === 'possible')
      .flatMap((v) => v.p.entries.filter((e) => e.code === code));
    // Even a single candidate stays ambiguous: nothing in the context confirms
    // the page speaks that protocol, and 4000–4999 are anyone's private codes.
    if (candidates.length > 0) return { kind: 'ambiguous', entries: candidates };
  }
  if (standard) return { kind: 'known', entry: standard };
  return { kind: 'range', range: fallbackRange(code) };
}

export function mostConservative(advices: readonly ReconnectAdvice[]): ReconnectAdvice {
  const found = CONSERVATIVE_ORDER.find((a) => advices.includes(a));
  return found ?? 'app-choice';
}

export function reconnectAdvice(code: number, ctx?: CodeContext): ReconnectAdvice {
  const found = lookupCode(code, ctx);
  switch (found.kind) {
    case 'known':
      return found.entry.reconnect;
    case 'ambiguous':
      return mostConservative(found.entries.map((e) => e.reconnect));
    case 'range':
      return found.range.reconnect;
  }
}

export function categoryOf(code: number, ctx?: CodeContext): CodeCategory {
  const found = lookupCode(code, ctx);
  switch (found.kind) {
    case 'known':
      return found.entry.category;
    case 'ambiguous': {
      const categories = new Set(found.entries.map((e) => e.category));
      const [first] = categories;
      // Candidates that disagree are, by definition, application codes.
      return categories.size === 1 && first ? first : 'application';
    }
    case 'range':
      return found.range.category;
  }
}
