/**
 * The one adapter between the React UI and wherever recordings come from
 * (Apollo Client DevTools' model): the live background over a runtime port, or
 * a static recording (an imported file, a test fixture). UI components only
 * see this interface, never browser APIs.
 */
import type { Settings, SimulateCommand, CaptureStatus } from '../../protocol/messages';
import type { Recording } from '../../protocol/recording';

export interface RecordingSource {
  /** Calls back with the full current recording now and after every change. Returns an unsubscribe. */
  subscribe(onRecording: (recording: Recording) => void): () => void;
  /** Clears the recording (a no-op for static sources). */
  clear(): Promise<void>;
  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Whether the page has the hook (tabs opened before install need a reload). */
  getStatus(): Promise<CaptureStatus>;
  /**
   * Calls back when the stored settings change, from whichever view changed them (the status depends on
   * them: a paused site). Returns an unsubscribe. Static sources do not have it: nothing changes theirs.
   */
  watchSettings?(onChange: () => void): () => void;
  /**
   * Simulation: for one live connection, or every open connection to its
   * endpoint. Rejects with the background's reason. Static sources do not have it.
   */
  simulate?(connectionId: string, command: SimulateCommand, scope?: 'connection' | 'endpoint'): Promise<void>;
  /**
   * Whether the tab is in a private window (Chromium's incognito, Firefox's private browsing): its choices
   * per site are not stored from there (docs/ARCHITECTURE.md, "Private browsing"). Static sources do not have it.
   */
  isPrivate?(): Promise<boolean>;
  /** True for live data; false for an imported recording. */
  readonly live: boolean;
}
