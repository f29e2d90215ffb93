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
import { endOf, endpointOf, type Connection, type DroppedCounts, type Recording } from '../protocol/recording';
import { urlParts } from '../protocol/url-parts';
import { classify } from './classify';
import { codeContextOf } from './code-context';
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

export function presentCode(code: number, context: CodeContext): CodePresentation {
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
  return { code, context, lookup, nameIds, categories, categoryLabelIds: categories.map(categoryLabelId) };
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

export function presentClosure(conn: Connection, closure: Closure, verdict: Verdict | undefined): ClosurePresentation {
  const problemKind = problemKindOf(verdict);
  return {
    ...presentCode(closure.code, codeContextOf(conn)),
    connectionId: conn.id,
    closure,
    ...(verdict && { verdict, level: verdict.level, levelLabelId: levelLabelId(verdict.level) }),
    outcome: outcomeOf(closure),
    closedByLabelId: closedByLabelId(closure.initiator),
    ...(problemKind && { problemKind }),
  };
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
): ConnectionPresentation {
  const ended = closure ?? (endOf(conn) ? classify(conn) : undefined);
  const endpoint = endpointOf(conn.url);
  const base = { id: conn.id, endpoint, path: urlParts(conn.url).path };
  if (!ended) return { ...base, outcome: 'open' };
  const p = presentClosure(conn, ended, analysis?.verdictByClosure[conn.id]);
  return { ...base, outcome: p.outcome, closure: p };
}

/** Every connection of a recording, by id, with its closure as the analysis classified it. */
export function presentRecording(
  recording: Recording,
  analysis: Analysis | null | undefined,
): Map<string, ConnectionPresentation> {
  const closures = new Map<string, Closure>();
  for (const c of analysis?.closures ?? []) closures.set(c.connectionId, c);
  const out = new Map<string, ConnectionPresentation>();
  for (const conn of recording.connections)
    out.set(conn.id, presentConnection(conn, analysis ?? undefined, closures.get(conn.id)));
  return out;
}

/** Order in which dropped counts are listed: lost connections before lost details. */
export const DROPPED_FIELDS: readonly (keyof DroppedCounts)[] = [
  'connectionsEvicted',
  'connectionsRateLimited',
  'eventsOverflowed',
  'eventsRejected',
  'marksEvicted',
  'fieldsTruncated',
];

/** Catalog id of a dropped count: connectionsEvicted -> dropped_connections_evicted. */
export const droppedLabelId = (field: keyof DroppedCounts): string =>
  `dropped_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

/** The non-zero dropped counts, each once, as catalog texts. */
export function droppedLabels(dropped: DroppedCounts): DroppedLabel[] {
  return DROPPED_FIELDS.filter((f) => dropped[f] > 0).map((field) => ({
    field,
    text: { id: droppedLabelId(field), subs: [String(dropped[field])] },
  }));
}
