/**
 * Test-only RecordingSource: pushes recordings on demand and records the
 * settings it was asked to store, so tests can drive the popup like the
 * background would.
 */
import { DEFAULT_SETTINGS, type CaptureStatus, type Settings } from '../protocol/messages';
import type { Recording } from '../protocol/recording';
import type { RecordingSource } from '../ui/data/source';

export interface FakeSource extends RecordingSource {
  push(recording: Recording): void;
  readonly settingsPatches: Partial<Settings>[];
}

export function fakeSource(initial: Recording | undefined, opts: { settings?: Partial<Settings>; status?: CaptureStatus } = {}): FakeSource {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...opts.settings };
  let status: CaptureStatus = opts.status ?? 'capturing';
  const listeners = new Set<(r: Recording) => void>();
  const settingsPatches: Partial<Settings>[] = [];
  return {
    live: true,
    settingsPatches,
    push(recording) {
      for (const l of listeners) l(recording);
    },
    subscribe(onRecording) {
      listeners.add(onRecording);
      if (initial) onRecording(initial);
      return () => listeners.delete(onRecording);
    },
    clear: () => Promise.resolve(),
    getSettings: () => Promise.resolve(settings),
    setSettings(patch) {
      settingsPatches.push(patch);
      settings = { ...settings, ...patch };
      // Mirrors the background: a paused site reports 'paused'.
      if (patch.pausedSites) status = patch.pausedSites.length > 0 ? 'paused' : 'capturing';
      return Promise.resolve(settings);
    },
    getStatus: () => Promise.resolve(status),
  };
}
