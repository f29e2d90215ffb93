/**
 * A RecordingSource over one fixed recording: an imported file or a test
 * fixture. The UI treats it exactly like live data; only `live` differs.
 * Settings are kept in memory so the panel's controls still work on an import.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../protocol/messages';
import type { Recording } from '../../protocol/recording';
import type { RecordingSource } from './source';

export interface StaticSourceOptions {
  settings?: Partial<Settings>;
  status?: Awaited<ReturnType<RecordingSource['getStatus']>>;
}

export function createStaticSource(recording: Recording, options: StaticSourceOptions = {}): RecordingSource {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  return {
    live: false,
    subscribe(onRecording) {
      onRecording(recording);
      return () => {};
    },
    // An imported file is a document, not a session: clearing it would lose the user's file.
    clear: () => Promise.resolve(),
    getSettings: () => Promise.resolve(settings),
    setSettings(patch) {
      settings = { ...settings, ...patch };
      return Promise.resolve(settings);
    },
    getStatus: () => Promise.resolve(options.status ?? 'capturing'),
  };
}
