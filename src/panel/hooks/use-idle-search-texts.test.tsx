import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useIdleSearchTexts } from './use-idle-search-texts';
import { buildRows, searchTextOf, type Row } from '../model/rows';
import { conn, recordingOf, T0 } from '../fixtures/recording';
import { testServices } from '../fixtures/analysis';
import { installTestMessages } from '../fixtures/messages';

beforeAll(() => installTestMessages());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function Probe({ rows }: { rows: readonly Row[] }) {
  useIdleSearchTexts(rows);
  return null;
}

/** 200 rows, closed and open, none with its search text made yet. */
function rows(): Row[] {
  const conns = Array.from({ length: 200 }, (_, i) =>
    conn({ id: `c${i}`, at: T0 + i * 10, ...(i % 3 ? { code: 1000 + (i % 14) } : {}) }),
  );
  const rec = recordingOf(conns);
  return buildRows(rec, testServices().analyze(rec, { profileId: 'default', now: T0 }));
}

const made = (rs: readonly Row[]) => rs.filter((r) => r.searchText !== undefined).length;

describe('useIdleSearchTexts', () => {
  it('makes every row’s search text in idle callbacks, a slice per callback, the same text the filter makes', () => {
    const queue: IdleRequestCallback[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => queue.push(cb));
    vi.stubGlobal('cancelIdleCallback', vi.fn());
    const rs = rows();
    render(<Probe rows={rs} />);
    expect(made(rs)).toBe(0);
    // A nearly spent deadline: one slice of rows per callback, then the rest is left for the next.
    const spent = { didTimeout: false, timeRemaining: () => 0 };
    queue.shift()!(spent);
    expect(made(rs)).toBe(64);
    let callbacks = 1;
    while (queue.length > 0) {
      queue.shift()!(spent);
      callbacks++;
    }
    expect(callbacks).toBe(Math.ceil(200 / 64));
    expect(made(rs)).toBe(200);
    const texts = rs.map((r) => r.searchText);
    // Made as the filter would make it: asking again gives the kept text.
    expect(rs.map(searchTextOf)).toEqual(texts);
    expect(texts.every((t) => t !== undefined && t === t.toLowerCase() && t.includes('wss://'))).toBe(true);
  });

  it('makes all of them in one idle callback with time to spare', () => {
    const queue: IdleRequestCallback[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => queue.push(cb));
    const rs = rows();
    render(<Probe rows={rs} />);
    queue.shift()!({ didTimeout: false, timeRemaining: () => 50 });
    expect(made(rs)).toBe(200);
    expect(queue).toHaveLength(0);
  });

  it('falls back to timer tasks where the browser has no idle callbacks', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    const rs = rows();
    render(<Probe rows={rs} />);
    expect(made(rs)).toBe(0);
    vi.runAllTimers();
    expect(made(rs)).toBe(200);
  });

  it('stops when the rows are replaced or the view goes away', () => {
    const queue: IdleRequestCallback[] = [];
    let id = 0;
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => (queue.push(cb), ++id));
    const cancel = vi.fn();
    vi.stubGlobal('cancelIdleCallback', cancel);
    const first = rows();
    const { rerender, unmount } = render(<Probe rows={first} />);
    const second = rows();
    rerender(<Probe rows={second} />);
    expect(cancel).toHaveBeenCalledWith(1);
    unmount();
    expect(cancel).toHaveBeenCalledWith(2);
    expect(made(first) + made(second)).toBe(0);
  });
});
