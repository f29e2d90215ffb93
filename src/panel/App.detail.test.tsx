import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Episode, Verdict } from '../analysis/types';
import { lookupCode, protocolLabelId } from '../knowledge';
import { t } from '../i18n/translate';
import { conn, recordingOf, T0 } from './fixtures/recording';
import { detail, renderApp } from './fixtures/render-app';
import type { HandshakeFeed } from './network/devtools-network';

afterEach(cleanup);

const section = (name: string) => within(detail()).getByRole('region', { name });

async function openRow(text: string) {
  await screen.findByRole('grid');
  fireEvent.click(screen.getAllByText(text)[0]!);
  return detail();
}

describe('detail pane', () => {
  const restart = recordingOf([
    conn({ id: 'r', at: T0, code: 1012, reason: 'deploy', pageClosed: false }),
    conn({ id: 'r2', at: T0 + 3000, code: 1013, wasClean: true }),
    conn({ id: 'r3', at: T0 + 8000 }),
  ]);
  const v: Verdict = {
    level: 'advice',
    rule: 'restart.slow',
    text: { id: 'panel_test_verdict', subs: ['slow'] },
    observedDelays: [1.07, 2.5],
    expected: { minS: 1, maxS: 5, text: { id: 'panel_test_expected', subs: ['1–5 s'] } },
    profileId: 'default',
  };
  const episode: Episode = {
    id: 'e1',
    triggerId: 'r',
    code: 1012,
    attemptIds: ['r2', 'r3'],
    delaysS: [1.07, 2.5],
    outcome: 'recovered',
    verdict: v,
  };

  it('explains a known code: meaning, when, fix, reconnect advice and source', async () => {
    renderApp(restart, { verdicts: { r: v }, episodes: [episode] });
    await openRow('deploy');
    const code = section('What this code means');
    for (const id of ['code_ws_1012_meaning', 'code_ws_1012_when', 'code_ws_1012_fix', 'code_ws_1012_reconnect']) {
      expect(within(code).getByText(t(id))).toBeTruthy();
    }
    const entry = lookupCode(1012, {});
    const link = within(code).getByRole('link', { name: t(entry.kind === 'known' ? entry.entry.source.labelId : '') });
    expect(link.getAttribute('href')).toBe(entry.kind === 'known' ? entry.entry.source.url : '');
  });

  it('shows the comparisons with codes 1012 is confused with', async () => {
    renderApp(restart, { verdicts: { r: v } });
    await openRow('deploy');
    const cmp = section('Often confused with');
    expect(within(cmp).getByText(t('cmp_1008_1012_title'))).toBeTruthy();
    expect(within(cmp).getByText(t('cmp_1012_1013_title'))).toBeTruthy();
  });

  it('shows the verdict with observed and expected delays and the episode', async () => {
    renderApp(restart, { verdicts: { r: v }, episodes: [episode] });
    await openRow('deploy');
    const sec = section('Reconnect verdict');
    expect(within(sec).getByText('Advice')).toBeTruthy();
    expect(within(sec).getByText('1.07 s, 2.50 s')).toBeTruthy();
    expect(within(sec).getByText('Expected 1–5 s')).toBeTruthy();
    expect(within(sec).getByText('Episode after 1012: recovered after 2 attempts')).toBeTruthy();
    fireEvent.click(within(sec).getByRole('button', { name: 'Attempt 1 after 1.07 s' }));
    expect(within(detail()).getByRole('heading', { level: 2 }).textContent).toBe('1013 Try Again Later');
  });

  it("heads an episode the page's reload ended as left, not given up", async () => {
    const left: Episode = { ...episode, attemptIds: [], delaysS: [], outcome: 'left' };
    renderApp(restart, { verdicts: { r: v }, episodes: [left] });
    await openRow('deploy');
    expect(
      within(section('Reconnect verdict')).getByText('Episode after 1012: the page left after 0 attempts'),
    ).toBeTruthy();
  });

  it('lists a long episode by its ends and the neighbours of the closure shown, and counts the rest', async () => {
    // A page retrying every second for a quarter of an hour: 1,000 attempts after the trigger.
    const n = 1_000;
    const attempts = Array.from({ length: n }, (_, i) =>
      conn({ id: `a${i}`, at: T0 + 2_000 * (i + 1), code: 1006, wasClean: false, reason: `try ${i + 1}` }),
    );
    const long = recordingOf([conn({ id: 'r', at: T0, code: 1013, reason: 'busy' }), ...attempts]);
    const delaysS = attempts.map(() => 0.99);
    const lv: Verdict = { ...v, observedDelays: delaysS };
    const ep: Episode = { ...episode, code: 1013, attemptIds: attempts.map((a) => a.id), delaysS, verdict: lv };
    renderApp(long, { verdicts: { r: lv }, episodes: [ep] });
    await openRow('busy');
    const sec = section('Reconnect verdict');
    expect(within(sec).getByText(`${Array(10).fill('0.99 s').join(', ')} and 990 more`)).toBeTruthy();
    const steps = () =>
      within(sec)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(steps()).toEqual([
      'Closed with 1013',
      'Attempt 1 after 0.99 s',
      'Attempt 2 after 0.99 s',
      'Attempt 3 after 0.99 s',
      '994 more attempts not listed here',
      'Attempt 998 after 0.99 s',
      'Attempt 999 after 0.99 s',
      'Attempt 1000 after 0.99 s',
    ]);
    // Selecting an attempt lists its neighbours, five on each side.
    fireEvent.click(within(sec).getByRole('button', { name: 'Attempt 998 after 0.99 s' }));
    expect(within(detail()).getByRole('heading', { level: 2 }).textContent).toContain('1006');
    expect(steps().slice(4)).toEqual([
      '989 more attempts not listed here',
      ...Array.from({ length: 8 }, (_, i) => `Attempt ${993 + i} after 0.99 s`),
    ]);
  });

  it('links stack frames to their source through openResource', async () => {
    const { openResource } = renderApp(recordingOf([conn({ id: 'p', code: 1000, pageClosed: true, reason: 'bye' })]));
    await openRow('bye');
    fireEvent.click(
      within(section('close() called from')).getByRole('link', { name: 'https://app.example/app.js:42:7' }),
    );
    expect(openResource).toHaveBeenCalledWith('https://app.example/app.js', 42);
    expect(within(section('Socket created by')).getAllByRole('link')).toHaveLength(2);
  });

  it('shows raw events and marks simulated ones', async () => {
    renderApp(recordingOf([conn({ id: 's', code: 1006, wasClean: false, simulated: true })]));
    await openRow('1006 Abnormal Closure');
    const raw = section('Raw events');
    expect(within(raw).getByText('close')).toBeTruthy();
    expect(within(raw).getByText('simulated')).toBeTruthy();
    expect(within(detail()).getByRole('heading', { level: 2 }).textContent).toContain('simulated');
    expect(within(section('What this code means')).getByText(t('panel_detail_never_on_wire'))).toBeTruthy();
  });

  it('lists the thousands of events and close() calls of a file connection by their ends, and counts the rest', async () => {
    // A live socket records at most 16 close() calls; an imported file may hold thousands of events.
    const base = conn({ id: 'f', code: 1000, reason: 'many' });
    const close = base.events.at(-1)!;
    const calls = Array.from({ length: 3_000 }, (_, i) => ({
      type: 'close-call' as const,
      at: close.at - 3_000 + i,
      code: 1000,
      readyState: 2,
      stack: `at stop${i} (https://app.example/app.js:${i + 1}:1)`,
    }));
    renderApp(recordingOf([{ ...base, events: [base.events[0]!, ...calls, close] }]));
    await openRow('many');
    const rows = within(section('Raw events')).getAllByRole('row');
    // Created, then the first 50 events, one line for the rest, the last 50 (the close among them).
    expect(rows).toHaveLength(1 + 50 + 1 + 50);
    expect(rows[51]!.textContent).toBe('2902 more events not listed here');
    expect(rows.at(-1)!.textContent).toContain('close');
    const stacks = section('close() called from');
    expect(within(stacks).getByText('2984 more close() calls not listed here')).toBeTruthy();
    expect(within(stacks).getByRole('link', { name: 'https://app.example/app.js:8:1' })).toBeTruthy();
    expect(within(stacks).queryByRole('link', { name: 'https://app.example/app.js:9:1' })).toBeNull();
    expect(within(stacks).getByRole('link', { name: 'https://app.example/app.js:3000:1' })).toBeTruthy();
  });

  it('a code only possible protocols define: no known meaning (its range), then "if this is <protocol>" for each', async () => {
    const url = 'ws';
    const lookup = lookupCode(4004, { url });
    if (lookup.kind !== 'ambiguous') throw new Error('fixture: 4004 without context should be ambiguous');
    expect(lookup.entries.length).toBeGreaterThan(1);
    renderApp(recordingOf([conn({ id: 'g', code: 4004, url, reason: 'amb' })]));
    await openRow('amb');
    const code = section('What this code means');
    expect(within(code).getAllByRole('article')).toHaveLength(1 + lookup.entries.length);
    expect(within(code).getByText('range 4000–4999')).toBeTruthy();
    const note = new RegExp(`so code 4004 has no known meaning here .* ${lookup.entries.length} protocols define it:$`);
    expect(within(code).getByText(note)).toBeTruthy();
    for (const e of lookup.entries) {
      expect(within(code).getByText(t('panel_detail_if_protocol', [t(protocolLabelId(e.protocol))]))).toBeTruthy();
      expect(within(code).getByText(`protocol: ${e.protocol}`)).toBeTruthy();
      expect(within(code).getByText(t(e.meaningId))).toBeTruthy();
    }
  });

  it('explains a code only known by its range', async () => {
    renderApp(recordingOf([conn({ id: 'x', code: 4999, reason: 'custom' })]));
    await openRow('custom');
    expect(within(section('What this code means')).getByText('range 4000–4999')).toBeTruthy();
  });

  it('closes with its button', async () => {
    renderApp(restart);
    await openRow('deploy');
    fireEvent.click(screen.getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('complementary')).toBeNull();
  });
});

describe('refused handshakes', () => {
  function refusedRec() {
    const r = conn({ id: 'x', at: T0, url: 'wss://rt.example/live' });
    r.events = [
      { type: 'error', at: T0 + 20 },
      { type: 'close', at: T0 + 21, code: 1006, reason: '', wasClean: false },
    ];
    const fine = conn({ id: 'y', at: T0 + 5000, url: 'wss://rt.example/live', code: 1000 });
    return recordingOf([r, fine]);
  }
  const feedOf = (status: number, statusText: string): HandshakeFeed => ({
    subscribe(on) {
      on([{ url: 'wss://rt.example/live', startedAt: T0 + 2, status, statusText }]);
      return () => undefined;
    },
    refresh: () => undefined,
  });

  it.each([
    [
      403,
      'Forbidden',
      'never open · HTTP 403',
      "The upgrade request was answered with HTTP 403 Forbidden (seen in DevTools' network data).",
    ],
    // Measured in Chromium 156: a refused upgrade (403, 429) is in the HAR with status 0.
    [
      0,
      '',
      'never open',
      "DevTools saw the upgrade request fail but recorded no HTTP status for it (Chromium records none for a refused WebSocket handshake): the server's logs say why it refused. " +
        'Chromium\'s console names the reason (such as "Unexpected response code: 403") only while Closeline is turned off: the permission its Simulate outage needs hides it.',
    ],
  ])('shows the HTTP status %i DevTools saw, in the row and the detail', async (status, text, cell, line) => {
    renderApp(refusedRec(), {}, {}, { handshakes: feedOf(status, text) });
    await screen.findByRole('grid');
    const row = screen.getAllByTestId('closure-row')[0]!;
    expect(within(row).getByText(cell)).toBeTruthy();
    fireEvent.click(row);
    expect(within(detail()).getByTestId('detail-handshake').textContent).toBe(line);
  });

  it("isolates the server's status text: bidi controls in it cannot reorder the sentence", async () => {
    renderApp(refusedRec(), {}, {}, { handshakes: feedOf(403, 'Forbidden\u202E.ereh kcilc') });
    await screen.findByRole('grid');
    fireEvent.click(screen.getAllByTestId('closure-row')[0]!);
    const line = within(detail()).getByTestId('detail-handshake');
    expect(line.textContent).toBe(
      "The upgrade request was answered with HTTP 403 ForbiddenU+202E.ereh kcilc (seen in DevTools' network data).",
    );
    expect([...line.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['ForbiddenU+202E.ereh kcilc']);
  });

  it('shows no status without DevTools network data', async () => {
    renderApp(refusedRec());
    await screen.findByRole('grid');
    fireEvent.click(screen.getAllByTestId('closure-row')[0]!);
    expect(within(detail()).queryByTestId('detail-handshake')).toBeNull();
  });
});

describe('page-supplied text in the panel', () => {
  it('isolates a hostile reason, URL, subprotocol and stack frame so bidi controls cannot reorder the UI', async () => {
    const rlo = '\u202E';
    const c = conn({
      id: 'h',
      at: T0,
      code: 4000,
      reason: `${rlo}oc.elgoog//:sptth`,
      url: `wss://a.example/${rlo}sj.txt`,
      protocols: [`chat${rlo}`],
      frameId: 2,
      frameUrl: `https://a.example/${rlo}f`,
    });
    c.stack = `at connect (https://a.example/${rlo}app.js:10:3)`;
    renderApp(recordingOf([c]));
    await screen.findByRole('grid');
    fireEvent.click(
      screen.getAllByText((_t, el) => el?.tagName === 'BDI' && (el.textContent ?? '').includes('oc.elgoog'))[0]!,
    );
    const pane = detail();
    // Every page string shown in the detail pane sits in a bdi; no raw override character is rendered.
    const bdis = [...pane.querySelectorAll('bdi')].map((b) => b.textContent ?? '');
    for (const shown of [
      'U+202Eoc.elgoog//:sptth',
      'wss://a.example/U+202Esj.txt',
      'chatU+202E',
      'https://a.example/U+202Ef',
    ]) {
      expect(bdis.some((b) => b.includes(shown))).toBe(true);
    }
    expect(bdis.some((b) => b.includes('https://a.example/U+202Eapp.js:10:3'))).toBe(true);
    for (const node of [...pane.querySelectorAll('*')]) {
      for (const child of [...node.childNodes]) if (child.nodeType === 3) expect(child.textContent).not.toContain(rlo);
    }
  });

  it('isolates a host the page moved to inside the verdict sentence', async () => {
    const movedTo = '\u202Eelgoog.example';
    const verdicts = {
      m: {
        level: 'fits' as const,
        rule: 'iana.moved',
        text: { id: 'verdict_iana_overload_moved', subs: ['1013', '2.00 s', movedTo] },
        observedDelays: [2],
        profileId: 'default',
      },
    };
    renderApp(recordingOf([conn({ id: 'm', at: T0, code: 1013 })]), { verdicts });
    await screen.findByRole('grid');
    fireEvent.click(screen.getAllByTestId('closure-row')[0]!);
    const sentence = within(detail()).getByTestId('detail-verdict-text');
    const bdi = sentence.querySelector('bdi')!;
    expect([bdi.getAttribute('dir'), bdi.textContent]).toEqual(['ltr', 'U+202Eelgoog.example']);
    expect(sentence.textContent).toContain('Connected to another server (U+202Eelgoog.example) after 2.00 s');
    expect(sentence.textContent).not.toContain('\u202E');
  });
});

describe("a single-page app's route in the detail", () => {
  const marks = [
    { type: 'navigation' as const, at: T0 - 10, frameId: 0, documentId: 'doc-1', url: 'https://app.example/login' },
  ];
  const routed = recordingOf(
    [
      conn({ id: 'a', at: T0, code: 1012, reason: 'on login', frameUrl: 'https://app.example/login' }),
      conn({ id: 'b', at: T0 + 10, code: 1012, reason: 'on chat', frameUrl: 'https://app.example/chat/42' }),
      conn({ id: 'c', at: T0 + 20, frameUrl: 'https://app.example/room/7' }),
    ],
    marks,
  );
  it.each([
    ['a closure made after a route change names its page', 'on chat', 'https://app.example/chat/42'],
    ["a closure on the document's own address names none", 'on login', null],
  ])('%s', async (_, reason, page) => {
    renderApp(routed);
    await openRow(reason);
    expect(within(detail()).queryByTestId('detail-page')?.textContent ?? null).toBe(page);
  });
  it('an open socket made after a route change names its page', async () => {
    renderApp(routed);
    await screen.findByRole('grid');
    fireEvent.click(screen.getAllByTestId('closure-row').find((r) => r.getAttribute('data-id') === 'c')!);
    const pane = await screen.findByRole('complementary', { name: t('panel_detail_label_open') });
    expect(within(pane).getByTestId('detail-page').textContent).toBe(
      t('panel_detail_page', ['https://app.example/room/7']),
    );
  });
});
