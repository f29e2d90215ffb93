import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePopupData } from './use-popup-data';
import { DEFAULT_SETTINGS, type Settings } from '../protocol/messages';
import type { RecordingSource } from '../ui/data/source';

afterEach(cleanup);

describe('usePopupData', () => {
  it('shows the settings another view stores while the popup is open (language, redaction, capture choices)', async () => {
    let stored: Settings = { ...DEFAULT_SETTINGS };
    let changed: (() => void) | undefined;
    const source: RecordingSource = {
      subscribe: () => () => undefined,
      clear: () => Promise.resolve(),
      getSettings: () => Promise.resolve(stored),
      setSettings: (patch) => Promise.resolve((stored = { ...stored, ...patch })),
      getStatus: () => Promise.resolve('capturing'),
      watchSettings(on) {
        changed = on;
        return () => (changed = undefined);
      },
      live: true,
    };
    const seen: Settings[] = [];
    function Probe() {
      seen.push(usePopupData(source).settings);
      return null;
    }
    const { unmount } = render(<Probe />);
    await act(() => Promise.resolve());
    expect(seen.at(-1)).toEqual(DEFAULT_SETTINGS);
    // The panel (in another window) stores a change.
    stored = { ...stored, language: 'ar', redactQuery: false, contentCapture: { 'b.example': true } };
    await act(async () => changed?.());
    expect(seen.at(-1)).toEqual(stored);
    unmount();
    expect(changed).toBeUndefined();
  });
});
