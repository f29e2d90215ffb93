/**
 * The one test double of a live RecordingSource, for panel and popup tests:
 * the test pushes recordings as the background's deltas would, reads back the
 * settings the view asked to store, and decides what simulate() answers.
 */
import { vi } from 'vitest';
import { DEFAULT_SETTINGS, type CaptureStatus, type Settings, type SimulateCommand } from '../protocol/messages';
import type { Recording } from '../protocol/recording';
import type { RecordingSource } from '../ui/data/source';

export interface FakeSource extends RecordingSource {
  simulate: ReturnType<
    typeof vi.fn<(connectionId: string, command: SimulateCommand, scope?: 'connection' | 'endpoint') => Promise<void>>
  >;
  /** Pushes a new recording to subscribers, like a delta from the background. */
  push(next: Recording): void;
  /** Every settings patch the view stored, in order. */
  readonly settingsPatches: Partial<Settings>[];
}

export function fakeSource(
  initial: Recording | undefined,
  opts: {
    settings?: Partial<Settings>;
    status?: CaptureStatus;
    /** The tab's site: pausing it (and only it) makes the status 'paused'. Without it, any paused site does. */
    site?: string;
    /** The tab is in a private window (the source says so when asked). */
    privateTab?: boolean;
  } = {},
): FakeSource {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...opts.settings };
  let status: CaptureStatus = opts.status ?? 'capturing';
  let current = initial;
  const listeners = new Set<(r: Recording) => void>();
  const settingsPatches: Partial<Settings>[] = [];
  return {
    live: true,
    settingsPatches,
    subscribe(on) {
      listeners.add(on);
      if (current) on(current);
      return () => listeners.delete(on);
    },
    push(next) {
      current = next;
      for (const l of listeners) l(next);
    },
    simulate: vi.fn(() => Promise.resolve()),
    clear: () => Promise.resolve(),
    getSettings: () => Promise.resolve(settings),
    setSettings(patch) {
      settingsPatches.push(patch);
      settings = { ...settings, ...patch };
      // Mirrors the background: a paused site reports 'paused'.
      if (patch.pausedSites) {
        const paused = opts.site === undefined ? patch.pausedSites.length > 0 : patch.pausedSites.includes(opts.site);
        status = paused ? 'paused' : 'capturing';
      }
      return Promise.resolve(settings);
    },
    getStatus: () => Promise.resolve(status),
    isPrivate: () => Promise.resolve(opts.privateTab === true),
  };
}
