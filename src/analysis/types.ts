/**
 * Contract of the analysis core: what the panel and popup consume. Pure types.
 * Every human sentence is an i18n message id plus substitutions.
 */
import type { EpochMs } from '../protocol/recording';
import type { StallResult } from './stall';

export type Initiator =
  | 'page' // close() was called before the close event; the event's code is the server's echo
  | 'server' // clean close frame received with no close() call
  | 'network-never-opened' // 1006 (or error) before open: refused/failed handshake (inferred)
  | 'network-dropped' // 1006 after open with no close() call (inferred)
  | 'document' // the document went away with the socket open
  | 'unknown';

export type VerdictLevel = 'problem' | 'advice' | 'fits' | 'info' | 'inconclusive' | 'pending';

export interface I18nText {
  id: string;
  /** Placeholder values, in order ($1, $2, ...). Already formatted (e.g. "1.07 s"). */
  subs?: string[];
  /**
   * `id` names a plural family (`<id>_zero` … `<id>_other`, src/i18n/plural.ts) and subs[0] is its count:
   * the member is chosen by the plural rules of the language the text is read in.
   */
  plural?: true;
}

export interface Verdict {
  level: VerdictLevel;
  /** Stable rule id, e.g. "storm", "restart.too-soon", "backoff.no-backoff", "terminal.blind-retry". */
  rule: string;
  /**
   * The finding's own id within its rule (the rule id's last part, e.g. 'too-soon'), so the presentation
   * model names the kind of problem without parsing the rule id. Set by the analysis core.
   */
  finding?: string;
  /** One sentence for the user. */
  text: I18nText;
  /** Observed delays in seconds, d1..dn. */
  observedDelays: number[];
  /**
   * What the rule expected: the range of the first wait in seconds where the rule has one, and
   * always a sentence ("1–5 s", "no retry with the same request", …). The analysis core sets it
   * on every verdict; it stays optional in the type only for verdicts built elsewhere (fixtures).
   */
  expected?: { minS?: number; maxS?: number; text: I18nText };
  /** Id of the profile that judged. */
  profileId: string;
  /**
   * Further findings that also hold (problem, advice or inconclusive), most severe first; the verdict shows the worst.
   */
  also?: { rule: string; level: VerdictLevel; text: I18nText }[];
}

export interface ReconnectLink {
  /** The next attempt's connection id. */
  nextId: string;
  /** Delay from the end of this connection to the next attempt's construction, seconds (0 for overlapping). */
  delayS: number;
  label?: 'overlapping' | 'moved';
  /** For 'moved': the new host. */
  movedTo?: string;
}

export interface Closure {
  connectionId: string;
  /** Close code as the page saw it (1006 for drops; 1001 for ended-with-document). */
  code: number;
  reason: string;
  wasClean: boolean;
  closedAt: EpochMs;
  initiator: Initiator;
  /** True when the initiator is inferred rather than observed (1006 splits, document end). */
  inferred: boolean;
  /** Open-to-close in ms, or undefined if it never opened. */
  lifetimeMs?: number;
  /** Link to the page's next attempt to the same endpoint, if any. */
  next?: ReconnectLink;
  /** Episode this closure belongs to (as trigger or as a failed attempt). */
  episodeId?: string;
  simulated: boolean;
}

export interface Episode {
  id: string;
  /** Connection id of the trigger closure; its code governs the episode. */
  triggerId: string;
  code: number;
  /** Attempt connection ids, in order. */
  attemptIds: string[];
  delaysS: number[];
  /** 'left': the page left the document (a reload or navigation) while its wait still ran. */
  outcome: 'recovered' | 'gave-up' | 'left' | 'ongoing';
  verdict: Verdict;
}

export interface TabSummary {
  /** Closures per code, problems first, then by count. */
  byCode: { code: number; count: number; problems: number }[];
  problemCount: number;
  /** The worst closure (for the badge tooltip). */
  worst?: { connectionId: string; code: number; verdict: Verdict };
  openNow: number;
}

export interface Analysis {
  closures: Closure[];
  episodes: Episode[];
  /** Verdict per trigger closure id (episode verdict), and per closure without episode. */
  verdictByClosure: Record<string, Verdict>;
  summary: TabSummary;
  /** Id of the profile that judged. */
  profileId?: string;
  /** Set when the requested profile id was unknown and the default judged instead. */
  unknownProfileId?: string;
  /** Simulated stalls, judged, by connection id (only connections that had one). */
  stalls?: Record<string, StallResult[]>;
}
