import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRecording, useSettings, useStatus } from './use-source-data';
import { DEFAULT_SETTINGS, type CaptureStatus, type Settings } from '../../protocol/messages';
import type { Recording } from '../../protocol/recording';
import type { RecordingSource } from '../../ui/data/source';
import { recordingOf } from '../fixtures/recording';

afterEach(cleanup);

/** A live source the test pushes versions into. */
function liveSource() {
  let listener: ((r: Recording) => void) | undefined;
  const source: RecordingSource = {
    subscribe(on) {
      listener = on;
      return () => (listener = undefined);
    },
    clear: () => Promise.resolve(),
    getSettings: () => Promise.reject(new Error('unused')),
    setSettings: () => Promise.reject(new Error('unused')),
    getStatus: () => Promise.reject(new Error('unused')),
    live: true,
  };
  return { source, push: (r: Recording) => act(() => listener?.(r)) };
}

/** Renders the hook; `handed` lists each recording React got, `shown` says one was shown. */
function mount(source: RecordingSource) {
  const handed: (Recording | null)[] = [];
  let shown: (r: Recording | null) => void = () => undefined;
  function Probe() {
    const [recording, onShown] = useRecording(source);
    shown = onShown;
    if (handed.at(-1) !== recording) handed.push(recording);
    return null;
  }
  render(<Probe />);
  return { handed, show: (r: Recording | null) => act(() => shown(r)) };
}

const versions = () => [1, 2, 3, 4].map(() => recordingOf([]));

describe('useRecording', () => {
  it('hands over one version at a time, and the newest next once the view has shown it', () => {
    const { source, push } = liveSource();
    const { handed, show } = mount(source);
    const [a, b, c] = versions();
    push(a!);
    push(b!);
    push(c!);
    expect(handed).toEqual([null, a]);
    show(a!);
    // b was never handed: the newest (c) follows, with nothing dropped from it.
    expect(handed).toEqual([null, a, c]);
  });

  it('hands nothing over when the view reports an earlier render than the version it was handed', () => {
    const { source, push } = liveSource();
    const { handed, show } = mount(source);
    const [a, b] = versions();
    push(a!);
    push(b!);
    // The render before the recording arrived (null) commits after it was handed over.
    show(null);
    expect(handed).toEqual([null, a]);
    show(a!);
    expect(handed).toEqual([null, a, b]);
  });

  it('hands over a version that arrives after the view caught up at once', () => {
    const { source, push } = liveSource();
    const { handed, show } = mount(source);
    const [a, b] = versions();
    push(a!);
    show(a!);
    push(b!);
    expect(handed).toEqual([null, a, b]);
  });

  it('drops a version still waiting when the source changes, even when the old view shows its last', () => {
    const first = liveSource();
    const second = liveSource();
    const handed: (Recording | null)[] = [];
    let shown: (r: Recording | null) => void = () => undefined;
    function Probe({ source }: { source: RecordingSource }) {
      const [recording, onShown] = useRecording(source);
      shown = onShown;
      if (handed.at(-1) !== recording) handed.push(recording);
      return null;
    }
    const view = render(<Probe source={first.source} />);
    const [a, b, c] = versions();
    first.push(a!);
    first.push(b!);
    view.rerender(<Probe source={second.source} />);
    act(() => shown(a!));
    expect(handed).toEqual([null, a, null]);
    second.push(c!);
    expect(handed).toEqual([null, a, null, c]);
  });
});

describe('useSettings', () => {
  it('shows a change at once, and puts back what the source has when the change is refused, rejecting with the reason', async () => {
    let stored: Settings = { ...DEFAULT_SETTINGS, contentCapture: { 'a.example': true } };
    let reads = 0;
    let putBack: () => void = () => undefined;
    const source: RecordingSource = {
      subscribe: () => () => undefined,
      clear: () => Promise.resolve(),
      // The first read answers at once; a later one (the put-back) when the test says.
      getSettings: () => (reads++ === 0 ? Promise.resolve(stored) : new Promise((r) => (putBack = () => r(stored)))),
      setSettings: (patch) =>
        patch.preserveLog === false
          ? Promise.reject(new Error('refused'))
          : Promise.resolve((stored = { ...stored, ...patch })),
      getStatus: () => Promise.reject(new Error('unused')),
      live: true,
    };
    const seen: (Settings | null)[] = [];
    let update: (patch: Partial<Settings>) => Promise<void> = () => Promise.resolve();
    function Probe() {
      const [settings, set] = useSettings(source);
      update = set;
      seen.push(settings);
      return null;
    }
    render(<Probe />);
    await act(() => Promise.resolve());
    expect(seen.at(-1)).toEqual(stored);

    let pending: Promise<unknown> = Promise.resolve();
    act(() => {
      pending = update({ preserveLog: false, contentCapture: {} }).catch((e: unknown) => e);
    });
    // Shown at once, before the source answers.
    expect(seen.at(-1)).toMatchObject({ preserveLog: false, contentCapture: {} });
    let refused: unknown;
    let settled = false;
    void pending.then(() => (settled = true));
    await act(() => new Promise((r) => setTimeout(r, 0)));
    // Refused, but not answered until the stored settings are back: the next change is made from them.
    expect(settled).toBe(false);
    await act(async () => {
      putBack();
      refused = await pending;
    });
    expect(refused).toEqual(new Error('refused'));
    // Put back before the rejection: a control's next change is made from what is stored.
    expect(seen.at(-1)).toEqual(stored);

    await act(() => update({ recentMinutes: 7 }));
    expect(seen.at(-1)).toMatchObject({ recentMinutes: 7, contentCapture: { 'a.example': true } });
  });
});

describe('useStatus', () => {
  it('asks again when the stored settings change (a site paused or resumed from the popup)', async () => {
    let status: CaptureStatus = 'paused';
    let changed: (() => void) | undefined;
    const source: RecordingSource = {
      subscribe: () => () => undefined,
      clear: () => Promise.resolve(),
      getSettings: () => Promise.reject(new Error('unused')),
      setSettings: () => Promise.reject(new Error('unused')),
      getStatus: () => Promise.resolve(status),
      watchSettings(on) {
        changed = on;
        return () => (changed = undefined);
      },
      live: true,
    };
    const seen: (CaptureStatus | null)[] = [];
    function Probe() {
      seen.push(useStatus(source, null));
      return null;
    }
    const { unmount } = render(<Probe />);
    await act(() => Promise.resolve());
    expect(seen.at(-1)).toBe('paused');
    status = 'capturing';
    await act(async () => changed?.());
    expect(seen.at(-1)).toBe('capturing');
    unmount();
    expect(changed).toBeUndefined();
  });
});

describe('useSettings, followed across views', () => {
  /** A source whose stored settings another view changes; `answer` holds each read until the test says. */
  function storedSource(initial: Settings) {
    let stored = initial;
    let changed: (() => void) | undefined;
    const reads: (() => void)[] = [];
    const source: RecordingSource = {
      subscribe: () => () => undefined,
      clear: () => Promise.resolve(),
      // Each read answers with what was stored when it was asked.
      getSettings: () => {
        const then = stored;
        return new Promise<Settings>((r) => reads.push(() => r(then)));
      },
      setSettings: (patch) => Promise.resolve((stored = { ...stored, ...patch })),
      getStatus: () => Promise.reject(new Error('unused')),
      watchSettings(on) {
        changed = on;
        return () => (changed = undefined);
      },
      live: true,
    };
    return {
      source,
      storeElsewhere: (patch: Partial<Settings>) => {
        stored = { ...stored, ...patch };
        changed?.();
      },
      answerReads: () => act(async () => reads.splice(0).forEach((r) => r())),
      watching: () => changed !== undefined,
    };
  }

  it('shows settings another view stored (the popup, a panel in another window), and stops following when unmounted', async () => {
    const s = storedSource({ ...DEFAULT_SETTINGS });
    const seen: (Settings | null)[] = [];
    function Probe() {
      seen.push(useSettings(s.source)[0]);
      return null;
    }
    const { unmount } = render(<Probe />);
    await s.answerReads();
    expect(seen.at(-1)?.profileId).toBe('default');
    s.storeElsewhere({ profileId: 'rfc6455', redactQuery: false, contentCapture: { 'b.example': true } });
    await s.answerReads();
    expect(seen.at(-1)).toMatchObject({
      profileId: 'rfc6455',
      redactQuery: false,
      contentCapture: { 'b.example': true },
    });
    unmount();
    expect(s.watching()).toBe(false);
  });

  it('never shows an answer older than a change made here since', async () => {
    const s = storedSource({ ...DEFAULT_SETTINGS });
    const seen: (Settings | null)[] = [];
    let update: (patch: Partial<Settings>) => Promise<void> = () => Promise.resolve();
    function Probe() {
      const [settings, set] = useSettings(s.source);
      update = set;
      seen.push(settings);
      return null;
    }
    render(<Probe />);
    await s.answerReads();
    // Another view stores a change: the read it starts is still unanswered when this view changes something.
    s.storeElsewhere({ recentMinutes: 60 });
    await act(() => update({ preserveLog: false }));
    expect(seen.at(-1)).toMatchObject({ recentMinutes: 60, preserveLog: false });
    // The read started before the change answers now, with what was stored then: it is not shown over the change.
    await s.answerReads();
    expect(seen.at(-1)).toMatchObject({ recentMinutes: 60, preserveLog: false });
  });
});
