/**
 * Resolving a close code to its meaning in context, and the reconnect advice
 * that follows from it (docs/verdicts.md, "Protocol codes").
 *
 * Order of resolution:
 * 1. 1000–2999 belong to the WebSocket protocol itself: always the RFC/IANA
 *    entry, else the standard range (no application may redefine them).
 * 2. A protocol established for the socket (its subprotocol was negotiated, or
 *    the URL is the protocol's documented endpoint and no other subprotocol was
 *    negotiated) that defines the code: its entry; else its own range convention
 *    (Centrifugo's).
 * 3. The IANA-registered 3000/3003/3008 when no protocol is established.
 * 4. Protocols merely possible in the context that define the code: the code
 *    still has no known meaning here (its range decides, so reconnecting is the
 *    app's choice); the candidates are kept only to explain "if this is <protocol>".
 * 5. The standard range.
 */
import { STANDARD_ENTRIES } from './codes-rfc';
import { PROTOCOLS } from './protocols';
import { standardRangeOf } from './ranges';
import type { CodeCategory, CodeContext, CodeEntry, CodeLookup, CodeRange, ReconnectAdvice } from './types';

const standardByCode = new Map(STANDARD_ENTRIES.map((e) => [e.code, e]));

function fallbackRange(code: number): CodeRange {
  const r = standardRangeOf(code);
  if (r) return r;
  // Negative or non-integer input is not a close code: report it as invalid.
  const invalid = standardRangeOf(0);
  if (!invalid) throw new Error('knowledge: the standard ranges lack 0–999');
  return invalid;
}

function resolved(code: number, entries: CodeEntry[]): CodeLookup {
  const [only] = entries;
  // Two established protocols that disagree establish neither meaning.
  return entries.length === 1 && only
    ? { kind: 'known', entry: only }
    : { kind: 'ambiguous', entries, range: fallbackRange(code) };
}

export function lookupCode(code: number, ctx: CodeContext = {}): CodeLookup {
  const standard = standardByCode.get(code);
  if (code >= 1000 && code <= 2999)
    return standard ? { kind: 'known', entry: standard } : { kind: 'range', range: fallbackRange(code) };

  // Loops rather than map/filter chains: a view asks this for thousands of closures.
  const matches = PROTOCOLS.map((p) => p.match(ctx));
  if (matches.includes('confirmed')) {
    const entries: CodeEntry[] = [];
    PROTOCOLS.forEach((p, i) => {
      if (matches[i] === 'confirmed') for (const e of p.entries) if (e.code === code) entries.push(e);
    });
    if (entries.length > 0) return resolved(code, entries);
    for (let i = 0; i < PROTOCOLS.length; i++) {
      if (matches[i] !== 'confirmed') continue;
      for (const r of PROTOCOLS[i]?.ranges ?? [])
        if (code >= r.from && code <= r.to) return { kind: 'range', range: r };
    }
  } else {
    if (standard) return { kind: 'known', entry: standard };
    const candidates: CodeEntry[] = [];
    PROTOCOLS.forEach((p, i) => {
      if (matches[i] === 'possible') for (const e of p.entries) if (e.code === code) candidates.push(e);
    });
    // Even a single candidate only says what the code would mean: nothing in the context
    // establishes that the page speaks that protocol, and 4000–4999 are anyone's private codes.
    if (candidates.length > 0) return { kind: 'ambiguous', entries: candidates, range: fallbackRange(code) };
  }
  if (standard) return { kind: 'known', entry: standard };
  return { kind: 'range', range: fallbackRange(code) };
}

export function reconnectAdvice(code: number, ctx?: CodeContext): ReconnectAdvice {
  const found = lookupCode(code, ctx);
  switch (found.kind) {
    case 'known':
      return found.entry.reconnect;
    case 'ambiguous':
      // A merely possible protocol never decides: the code has no known meaning here.
      return found.range.reconnect;
    case 'range':
      return found.range.reconnect;
  }
}

/**
 * The reconnect advice of the meaning a protocol established for the socket gives the code (its entry,
 * or its range convention); undefined where no established protocol gives it one (the registry's or the
 * standard range's meaning, or established protocols that disagree).
 */
export function establishedAdvice(code: number, ctx?: CodeContext): ReconnectAdvice | undefined {
  const found = lookupCode(code, ctx);
  if (found.kind === 'known') return found.entry.protocol !== 'websocket' ? found.entry.reconnect : undefined;
  if (found.kind === 'range' && found.range.protocol && found.range.protocol !== 'websocket')
    return found.range.reconnect;
  return undefined;
}

export function categoryOf(code: number, ctx?: CodeContext): CodeCategory {
  const found = lookupCode(code, ctx);
  switch (found.kind) {
    case 'known':
      return found.entry.category;
    case 'ambiguous':
      return found.range.category;
    case 'range':
      return found.range.category;
  }
}
