import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyDropped, type Recording } from '../protocol/recording';
import { REDACTED } from '../protocol/redact';
import { conn, recordingOf, T0 } from './fixtures/recording';
import { renderApp } from './fixtures/render-app';
import type { HandshakeFeed } from './network/devtools-network';
import type { HandshakeEntry } from './network/handshakes';
import { UNRECORDED_GRACE_MS } from './network/unrecorded';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const PAGE = 'wss://rt.example/live';
const WORKER = 'wss://rt.example/from-worker';
const hs = (url: string, startedAt: number): HandshakeEntry => ({ url, startedAt, status: 101, statusText: '' });
const feedOf = (entries: HandshakeEntry[]): HandshakeFeed => ({
  subscribe(on) {
    on(entries);
    return () => undefined;
  },
  refresh: () => undefined,
});
const pageOnly = () => recordingOf([conn({ id: 'a', at: T0, url: PAGE, code: 1000 })]);
const notice = () => screen.queryByTestId('unrecorded');
/**
 * The panel asks the source for its capture status after it mounts, and the notice waits for
 * "capturing": a test of what shows awaits the notice, and one of what does not waits for the answer.
 */
const shown = () => screen.findByTestId('unrecorded');
const settled = () => act(async () => {});

describe('handshakes DevTools saw that the recording lacks', () => {
  it('names each, with how many handshakes, and says why Closeline could not record them', async () => {
    renderApp(pageOnly(), {}, {}, { handshakes: feedOf([hs(PAGE, T0 + 2), hs(WORKER, T0 + 3), hs(WORKER, T0 + 900)]) });
    const n = await shown();
    expect(within(n).getByRole('heading').textContent).toBe(
      'DevTools saw 2 WebSocket connections that are not in this recording:',
    );
    const items = within(n).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([`${WORKER} (2 handshakes)`]);
    expect(n.textContent).toMatch(/inside a web worker, .* in a frame whose sandbox forbids scripts/);
    expect(n.textContent).not.toMatch(/rate limit/);
    // A labelled region, not a live one: a page making such sockets in a loop is not read out at each.
    expect(n.getAttribute('role')).toBeNull();
    expect(n.getAttribute('aria-labelledby')).toBe('panel-unrecorded');
  });

  it('shows nothing when every handshake is a recorded socket, or without DevTools network data', async () => {
    renderApp(pageOnly(), {}, {}, { handshakes: feedOf([hs(PAGE, T0 + 2)]) });
    await screen.findByRole('grid');
    await settled();
    expect(notice()).toBeNull();
    cleanup();
    renderApp(pageOnly());
    await screen.findByRole('grid');
    await settled();
    expect(notice()).toBeNull();
  });

  it('redacts query values as every URL of the panel is', async () => {
    renderApp(pageOnly(), {}, {}, { handshakes: feedOf([hs(`${WORKER}?token=s3cret`, T0 + 3)]) });
    await shown();
    expect(notice()!.textContent).toContain(`${WORKER}?token=${REDACTED}`);
    expect(notice()!.textContent).not.toContain('s3cret');
  });

  it('lists three URLs, newest first, and counts the rest', async () => {
    const urls = ['a', 'b', 'c', 'd', 'e'].map((p) => `wss://w.example/${p}`);
    renderApp(pageOnly(), {}, {}, { handshakes: feedOf(urls.map((u, i) => hs(u, T0 + 10 + i))) });
    const n = await shown();
    expect(
      within(n)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'wss://w.example/e (1 handshake)',
      'wss://w.example/d (1 handshake)',
      'wss://w.example/c (1 handshake)',
      'and 2 more URLs',
    ]);
  });

  it('says that connections the rate limit left out are among them', async () => {
    const rec: Recording = { ...pageOnly(), dropped: { ...emptyDropped(), connectionsRateLimited: 4 } };
    renderApp(rec, {}, {}, { handshakes: feedOf([hs(WORKER, T0 + 3)]) });
    expect((await shown()).textContent).toMatch(/may be the connections the rate limit left out/);
  });

  it('says that stored connections that could not be read back may be among them', async () => {
    const rec: Recording = { ...pageOnly(), dropped: { ...emptyDropped(), connectionsUnreadable: 2 } };
    renderApp(rec, {}, {}, { handshakes: feedOf([hs(WORKER, T0 + 3)]) });
    const text = (await shown()).textContent;
    expect(text).toMatch(/may be the stored connections that could not be read back/);
    expect(text).not.toMatch(/rate limit/);
  });

  it.each(['paused', 'no-hook'] as const)(
    'says nothing while the status is %s (its banner says why)',
    async (status) => {
      renderApp(pageOnly(), {}, { status }, { handshakes: feedOf([hs(WORKER, T0 + 3)]) });
      await screen.findByRole('grid');
      expect(notice()).toBeNull();
    },
  );

  it("reads DevTools' log again a while after the recording (re)started: an open socket's request is only there", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const refresh = vi.fn();
    renderApp(pageOnly(), {}, {}, { handshakes: { ...feedOf([]), refresh } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(UNRECORDED_GRACE_MS - 1);
    });
    expect(refresh).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('judges a handshake only once its socket has had time to be recorded', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let clock = T0 + 1000;
    renderApp(pageOnly(), {}, {}, { handshakes: feedOf([hs(WORKER, T0 + 900)]), now: () => clock });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByRole('grid')).toBeTruthy();
    expect(notice()).toBeNull();
    clock = T0 + 900 + UNRECORDED_GRACE_MS + 1;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(UNRECORDED_GRACE_MS);
    });
    expect(notice()).not.toBeNull();
  });
});
