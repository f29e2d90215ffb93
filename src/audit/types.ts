/**
 * The reconnect check ("audit"): pure orchestration over the simulation path
 * and the analysis core. No browser APIs here: whoever runs it (the panel, the
 * audit page the CLI opens, unit tests) injects an AuditDriver.
 */
import type { Analysis, I18nText, Verdict, VerdictLevel } from '../analysis/types';
import type { SimulateCommand } from '../protocol/messages';
import type { Recording } from '../protocol/recording';
import type { Scenario } from './scenarios';

/** What the engine needs from the outside world, and nothing more. */
export interface AuditDriver {
  /** The inspected tab's recording as it is now (the open connections are derived from it). */
  recording(): Promise<Recording>;
  /** Sends one simulation through the extension's real path; rejects with the background's reason. */
  simulate(connectionId: string, command: SimulateCommand): Promise<void>;
  /** Epoch ms on the same clock as the recording's timestamps. */
  now(): number;
  /** Resolves after `ms` (or earlier when `signal` aborts). */
  wait(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface AuditOptions {
  scenarios: readonly Scenario[];
  /** Only sockets whose URL starts with this prefix (the command line's --endpoint). */
  endpointPrefix?: string;
  /** Only the sockets of this endpoint, as `checkedEndpointOf` gives it (the panel's choice); with neither, all. */
  endpoint?: string;
  profileId?: string;
  /**
   * Scales every scenario's time bound and refusal period (tests use it to stay short). The hold that
   * counts as "reconnected" is the profile's and is never scaled: a shorter one would merge episodes.
   */
  timeScale?: number;
  /** How long to wait for the page's first open socket before giving up (0: look once). */
  socketWaitMs?: number;
  /** How often to read the recording while a scenario runs. */
  pollMs?: number;
  signal?: AbortSignal;
  onProgress?(p: AuditProgress): void;
  /** The analysis core (injected so the panel can pass its services); analyzeRecording by default. */
  analyze?(recording: Recording, opts: { profileId?: string; now: number }): Analysis;
}

export interface AuditProgress {
  phase: 'waiting-for-sockets' | 'running' | 'done';
  /** 1-based index of the running scenario, and how many there are. */
  index: number;
  total: number;
  scenario?: string;
  /** Time left in the running scenario at most (its bound, or the hold of a reconnect still being held). */
  leftMs: number;
  /** The whole run's remaining time at most, for a progress bar. */
  totalLeftMs: number;
  endpointsDone: number;
  endpoints: number;
}

/** How a scenario ended for one endpoint (a fact of the run, not a judgement). */
export type RowOutcome =
  /** The page reconnected and the new connection stayed open for the profile's hold. */
  | 'recovered'
  /** The page made no attempt within the scenario's bound. */
  | 'no-attempt'
  /** Attempts were made but none stayed open for the hold within the bound. */
  | 'not-recovered'
  /** The endpoint had no open socket when the scenario started (e.g. the page rightly gave up after 1008). */
  | 'no-socket'
  /** The simulation was refused (the message says why). */
  | 'refused'
  /** The run was cancelled before this scenario finished. */
  | 'cancelled';

export interface AuditRow {
  endpoint: string;
  scenario: string;
  outcome: RowOutcome;
  /** The closure the verdict judges: the first socket of this endpoint the scenario closed. */
  closureId?: string;
  /** The analysis core's verdict for that closure (absent when nothing was judged). */
  verdict?: Verdict;
  /** The verdict's level, or 'not-run' when nothing was judged. */
  level: VerdictLevel | 'not-run';
  delaysS: number[];
  /** Why the simulation was refused, as the background said it. */
  message?: string;
}

export interface AuditReport {
  profileId: string;
  startedAt: number;
  endedAt: number;
  scenarios: string[];
  endpoints: string[];
  rows: AuditRow[];
  /** Set when the user cancelled: what was done, and what is still in effect. */
  cancelled?: { scenario: string; index: number; outageLeftS: number };
  /** The recording the verdicts were made from (importable into the panel). */
  recording: Recording;
}

export type AuditErrorKind = 'no-sockets' | 'no-recording';

/** A run that could not start; `text` is for the user. */
export class AuditError extends Error {
  constructor(
    readonly kind: AuditErrorKind,
    readonly text: I18nText,
  ) {
    super(text.id);
    this.name = 'AuditError';
  }
}
