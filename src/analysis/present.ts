/**
 * The presentation model: what every view says about a connection and its
 * closure (the code's context, names and categories, the outcome, who closed
 * it, the endpoint, the verdict level and the kind of problem), decided once
 * here. The panel, popup, toolbar badge and demo report render it; none of
 * them looks a code up, reads a rule id or cuts a URL on its own. Texts are
 * catalog ids (and substitutions): the analysis has no i18n.
 */
import { categoryLabelId, lookupCode } from '../knowledge';
import type { CodeCategory, CodeContext, CodeLookup } from '../knowledge/types';
import { endOf, type Connection, type DroppedCounts, type Recording } from '../protocol/recording';
import { urlParts } from '../protocol/url-parts';
import { classify } from './classify';
import { codeContextOf, contextKey, isContextFree } from './code-context';
import type { Analysis, Closure, I18nText, Initiator, Verdict, VerdictLevel } from './types';

/** How a connection ended, as the timeline colours it. */
export type Outcome = 'open' | 'clean' | 'page' | 'abnormal' | 'document';

export const OUTCOMES: readonly Outcome[] = ['open', 'clean', 'page', 'abnormal', 'document'];

/** Problems with their own short wording (popup, badge tooltip); any other problem is 'other'. */
export type ProblemKind = 'storm' | 'too_soon' | 'no_reconnect' | 'no_backoff' | 'blind_retry' | 'other';

const PROBLEM_KINDS: Readonly<Record<string, ProblemKind>> = {
  storm: 'storm',
  'too-soon': 'too_soon',
  'no-reconnect': 'no_reconnect',
  'no-backoff': 'no_backoff',
  'blind-retry': 'blind_retry',
};

/** What a code means in its socket's context. */
export interface CodePresentation {
  code: number;
  /** The context the knowledge base resolved it in: the verdicts use the same one. */
  context: CodeContext;
  lookup: CodeLookup;
  /** Catalog ids of the code's name(s): several when protocols define it and none is established. */
  nameIds: string[];
  categories: CodeCategory[];
  /** Catalog ids of the categories' names, in `categories` order. */
  categoryLabelIds: string[];
}

export interface ClosurePresentation extends CodePresentation {
  connectionId: string;
  closure: Closure;
  verdict?: Verdict;
  outcome: Exclude<Outcome, 'open'>;
  /** Catalog id of who closed it, e.g. "panel_initiator_network_dropped". */
  closedByLabelId: string;
  level?: VerdictLevel;
  /** Catalog id of the verdict level's name. */
  levelLabelId?: string;
  /** Set on problem verdicts only. */
  problemKind?: ProblemKind;
}

export interface ConnectionPresentation {
  id: string;
  /** The socket URL without query and fragment (the one way of cutting it, `endpointOf`). */
  endpoint: string;
  /** The endpoint's path, '/' when empty: what tells sockets of one page apart. */
  path: string;
  outcome: Outcome;
  /** Set once the connection ended. */
  closure?: ClosurePresentation;
}

/** One dropped count as a catalog text, with the field it counts. */
export interface DroppedLabel {
  field: keyof DroppedCounts;
  text: I18nText;
}

export const levelLabelId = (level: VerdictLevel): string => `ui_verdict_${level}`;

export const closedByLabelId = (initiator: Initiator): string => `panel_initiator_${initiator.replace(/-/g, '_')}`;

export function problemKindOf(verdict: Verdict | undefined): ProblemKind | undefined {
  if (verdict?.level !== 'problem') return undefined;
  return PROBLEM_KINDS[verdict.finding ?? ''] ?? 'other';
}

/** What a code means in a context: presentCode's answer without the context itself. */
type CodeMeaning = Omit<CodePresentation, 'code' | 'context'>;

/**
 * Code meanings already worked out, by `codeMeaningKey`: 10,000 closures share a few codes and
 * endpoints, and resolving each anew was much of building the rows and the timeline. A memo serves
 * one analysis (`codeMemoFor`), so it never outlives the data it was made for.
 */
export type CodeMemo = Map<string | number, CodeMeaning>;

const memos = new WeakMap<object, CodeMemo>();

/** The memo of one analysis (or any object standing for one pass over a recording): rows and timeline share it. */
export function codeMemoFor(owner: object): CodeMemo {
  let memo = memos.get(owner);
  if (!memo) memos.set(owner, (memo = new Map()));
  return memo;
}

/**
 * The memo key: the code alone where the context cannot change it (1000–2999 belong to the WebSocket
 * protocol itself), else `contextKey` of the context ('' and no subprotocol are the same to the
 * knowledge base).
 */
export function codeMeaningKey(code: number, context: CodeContext): string | number {
  return isContextFree(code) ? code : contextKey(code, context.protocol ?? '', context.url ?? '');
}

export function presentCode(code: number, context: CodeContext, memo?: CodeMemo): CodePresentation {
  if (!memo) return { code, context, ...meaningOf(code, context) };
  const key = codeMeaningKey(code, context);
  let m = memo.get(key);
  if (m === undefined) memo.set(key, (m = meaningOf(code, context)));
  return {
    code,
    context,
    lookup: m.lookup,
    nameIds: m.nameIds,
    categories: m.categories,
    categoryLabelIds: m.categoryLabelIds,
  };
}

function meaningOf(code: number, context: CodeContext): CodeMeaning {
  const lookup = lookupCode(code, context);
  let nameIds: string[];
  let categories: CodeCategory[];
  switch (lookup.kind) {
    case 'known':
      nameIds = [lookup.entry.nameId];
      categories = [lookup.entry.category];
      break;
    case 'ambiguous':
      nameIds = [...new Set(lookup.entries.map((e) => e.nameId))];
      // No protocol is established: the code means what its range means (the verdicts agree).
      categories = [lookup.range.category];
      break;
    case 'range':
      nameIds = [lookup.range.nameId];
      categories = [lookup.range.category];
      break;
  }
  return { lookup, nameIds, categories, categoryLabelIds: categories.map(categoryLabelId) };
}

export function outcomeOf(closure: Closure): Exclude<Outcome, 'open'> {
  switch (closure.initiator) {
    case 'page':
      return 'page';
    case 'document':
      return 'document';
    case 'network-dropped':
    case 'network-never-opened':
      return 'abnormal';
    default:
      return closure.code === 1006 ? 'abnormal' : 'clean';
  }
}

/** Catalog ids per initiator and level, made once (they are asked for per closure). */
const CLOSED_BY_IDS = new Map<Initiator, string>();
const LEVEL_IDS = new Map<VerdictLevel, string>();

export function presentClosure(
  conn: Connection,
  closure: Closure,
  verdict: Verdict | undefined,
  memo?: CodeMemo,
): ClosurePresentation {
  const code = presentCode(closure.code, codeContextOf(conn), memo);
  // Built field by field (no spreads): one object per closure, absent fields stay absent.
  const p: ClosurePresentation = {
    code: code.code,
    context: code.context,
    lookup: code.lookup,
    nameIds: code.nameIds,
    categories: code.categories,
    categoryLabelIds: code.categoryLabelIds,
    connectionId: conn.id,
    closure,
    outcome: outcomeOf(closure),
    closedByLabelId: '',
  };
  if (verdict) {
    p.verdict = verdict;
    p.level = verdict.level;
    let id = LEVEL_IDS.get(verdict.level);
    if (id === undefined) LEVEL_IDS.set(verdict.level, (id = levelLabelId(verdict.level)));
    p.levelLabelId = id;
  }
  let by = CLOSED_BY_IDS.get(closure.initiator);
  if (by === undefined) CLOSED_BY_IDS.set(closure.initiator, (by = closedByLabelId(closure.initiator)));
  p.closedByLabelId = by;
  const problemKind = problemKindOf(verdict);
  if (problemKind) p.problemKind = problemKind;
  return p;
}

/**
 * A connection as the views show it. The closure comes from the analysis; when
 * an analysis of an older snapshot has none yet for a connection that ended,
 * the same classification the analysis uses decides (never a rule of its own).
 */
export function presentConnection(
  conn: Connection,
  analysis: Pick<Analysis, 'verdictByClosure'> | undefined,
  closure?: Closure,
  memo?: CodeMemo,
): ConnectionPresentation {
  const ended = closure ?? (endOf(conn) ? classify(conn) : undefined);
  // endpointOf(url) is urlParts(url).base: one cut serves both.
  const parts = urlParts(conn.url);
  if (!ended) return { id: conn.id, endpoint: parts.base, path: parts.path, outcome: 'open' };
  const p = presentClosure(conn, ended, analysis?.verdictByClosure[conn.id], memo);
  return { id: conn.id, endpoint: parts.base, path: parts.path, outcome: p.outcome, closure: p };
}

/** Every connection of a recording, by id, with its closure as the analysis classified it. */
export function presentRecording(
  recording: Recording,
  analysis: Analysis | null | undefined,
): Map<string, ConnectionPresentation> {
  const closures = new Map<string, Closure>();
  for (const c of analysis?.closures ?? []) closures.set(c.connectionId, c);
  const out = new Map<string, ConnectionPresentation>();
  const memo = codeMemoFor(analysis ?? recording);
  for (const conn of recording.connections)
    out.set(conn.id, presentConnection(conn, analysis ?? undefined, closures.get(conn.id), memo));
  return out;
}

/** Order in which dropped counts are listed: lost connections before lost details. */
export const DROPPED_FIELDS: readonly (keyof DroppedCounts)[] = [
  'connectionsEvicted',
  'connectionsRateLimited',
  'connectionsUnreadable',
  'eventsOverflowed',
  'eventsRejected',
  'marksEvicted',
  'fieldsTruncated',
];

/** Catalog id (a plural family) of a dropped count: connectionsEvicted -> dropped_connections_evicted. */
export const droppedLabelId = (field: keyof DroppedCounts): string =>
  `dropped_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

/** The non-zero dropped counts, each once, as catalog texts. */
export function droppedLabels(dropped: DroppedCounts): DroppedLabel[] {
  return DROPPED_FIELDS.filter((f) => dropped[f] > 0).map((field) => ({
    field,
    text: { id: droppedLabelId(field), subs: [String(dropped[field])], plural: true },
  }));
}
