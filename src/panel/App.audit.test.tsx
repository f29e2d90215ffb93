import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAudit } from '../audit';
import { FakePage } from '../audit/fake-page';
import { parseScenarios } from '../audit/scenarios';
import { AuditSection } from './audit/AuditSection';
import { fakeSource } from '../test-support/fake-source';
import { conn, recordingOf, T0 } from './fixtures/recording';
import { grid, renderApp, settingsLoaded } from './fixtures/render-app';
import { render } from '@testing-library/react';
import type { AuditState } from './audit/use-audit';
import { redactUrl } from '../protocol/redact';
import { catalogTranslator, setTranslator } from '../i18n/translate';
import { localeCatalog } from '../test-support/locale-catalog';
import { installTestMessages } from './fixtures/messages';
import { VerdictSection } from './detail/VerdictSection';

afterEach(cleanup);

const open = conn({ id: 'o', at: T0 + 2000, url: 'wss://rt.example/live' });
const rec = recordingOf([open]);

describe('Reconnect check in the panel', () => {
  it('nothing runs until Start; Start sends the first scenario through the source; Cancel says what was done and sends nothing more', async () => {
    const source = fakeSource(rec);
    renderApp(rec, {}, {}, { source });
    await act(async () => fireEvent.click(screen.getByTestId('audit-open')));
    const section = screen.getByTestId('audit-section');
    expect(source.simulate).not.toHaveBeenCalled();
    // All scenarios are chosen by default.
    for (const id of ['1012', '1013', '1006', 'outage', '1008'])
      expect((screen.getByTestId(`audit-scenario-${id}`) as HTMLInputElement).checked).toBe(true);
    await act(async () => fireEvent.click(screen.getByTestId('audit-start')));
    await vi.waitFor(() => expect(source.simulate).toHaveBeenCalledTimes(1));
    expect(source.simulate).toHaveBeenCalledWith(
      'o',
      { kind: 'close', code: 1012, reason: 'Service restart' },
      'connection',
    );
    await vi.waitFor(() =>
      expect(within(section).getByTestId('audit-progress').textContent).toContain(
        'Scenario 1 of 5: Server closes with 1012',
      ),
    );
    await act(async () => fireEvent.click(screen.getByTestId('audit-cancel')));
    const cancelled = await screen.findByTestId('audit-cancelled');
    expect(cancelled.textContent).toBe(
      'Cancelled during scenario 1 of 5 (1012): 0 scenarios finished before it; nothing more was sent to the page and its sockets were left as they are.',
    );
    expect(source.simulate).toHaveBeenCalledTimes(1);
  });

  it('a chosen endpoint is the only one checked, though its URL begins the URLs of others', async () => {
    const root = conn({ id: 'r', at: T0 + 1000, url: 'wss://rt.example/' });
    const both = recordingOf([root, open]);
    const source = fakeSource(both);
    renderApp(both, {}, {}, { source });
    await act(async () => fireEvent.click(screen.getByTestId('audit-open')));
    for (const id of ['1013', '1006', 'outage', '1008']) fireEvent.click(screen.getByTestId(`audit-scenario-${id}`));
    fireEvent.change(screen.getByTestId('audit-endpoint'), { target: { value: 'wss://rt.example/' } });
    await act(async () => fireEvent.click(screen.getByTestId('audit-start')));
    // Progress is shown once the scenario has been sent to every socket it acts on.
    await vi.waitFor(() =>
      expect(screen.getByTestId('audit-progress').textContent).toContain('Scenario 1 of 1: Server closes with 1012'),
    );
    expect(source.simulate.mock.calls.map((c) => c[0])).toEqual(['r']);
    await act(async () => fireEvent.click(screen.getByTestId('audit-cancel')));
  });

  it('names the sockets it offers redacted as the table shows them, and unredacted once redaction is off', async () => {
    // A key as the user name and a token as a path segment (as Slack's RTM URLs carried one).
    const url = 'wss://sk_live_4ec39hqlyjwdarjtt1zdp7dc@rt.example/websocket/xoxb0123456789abcdefghijk';
    const secret = conn({ id: 's', at: T0 + 1000, url });
    const both = recordingOf([secret]);
    for (const redactQuery of [true, false]) {
      const source = fakeSource(both, { settings: { redactQuery } });
      renderApp(both, {}, {}, { source });
      await settingsLoaded();
      await act(async () => fireEvent.click(screen.getByTestId('audit-open')));
      const option = within(screen.getByTestId('audit-endpoint')).getByRole('option', { name: /rt\.example/ });
      const shown = redactQuery ? 'wss://REDACTED@rt.example/websocket/REDACTED' : url;
      expect(option.textContent).toBe(`\u2066${shown}\u2069`);
      // The table shows the same socket the same way.
      expect(grid().querySelector('.cell-url')?.textContent).toBe(shown);
      // The check still acts on the real endpoint.
      expect((option as HTMLOptionElement).value).toBe(url);
      cleanup();
    }
  });

  it('is not offered on data that is not live (a file, not a page)', async () => {
    renderApp(rec);
    await screen.findByRole('grid');
    expect((screen.getByTestId('audit-open') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('AuditSection', () => {
  const props = {
    recording: rec,
    onCancel: vi.fn(),
    onClose: vi.fn(),
    onSelect: vi.fn(),
    profileId: 'default',
    shown: (url: string) => url,
  };

  it('starts the chosen scenarios in run order, with the outage length typed and the endpoint chosen', () => {
    const onStart = vi.fn();
    render(<AuditSection {...props} state={{ kind: 'idle' }} onStart={onStart} />);
    fireEvent.click(screen.getByTestId('audit-scenario-1012'));
    fireEvent.click(screen.getByTestId('audit-scenario-1006'));
    fireEvent.click(screen.getByTestId('audit-scenario-outage'));
    fireEvent.change(screen.getByTestId('audit-outage-seconds'), { target: { value: '0' } });
    // An out-of-range length does not matter while the outage is not ticked.
    expect((screen.getByTestId('audit-start') as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByTestId('audit-scenario-outage'));
    fireEvent.change(screen.getByTestId('audit-outage-seconds'), { target: { value: '12' } });
    fireEvent.change(screen.getByTestId('audit-endpoint'), { target: { value: 'wss://rt.example/live' } });
    fireEvent.click(screen.getByTestId('audit-start'));
    const run = onStart.mock.calls[0]![0];
    expect(run.scenarios.map((s: { id: string }) => s.id)).toEqual(['1013', 'outage:12', '1008']);
    expect(run.endpoint).toBe('wss://rt.example/live');
  });

  it.each([
    [
      'no scenario chosen',
      () =>
        ['1012', '1013', '1006', 'outage', '1008'].forEach((id) =>
          fireEvent.click(screen.getByTestId(`audit-scenario-${id}`)),
        ),
    ],
    [
      'an outage length out of range',
      () => fireEvent.change(screen.getByTestId('audit-outage-seconds'), { target: { value: '0' } }),
    ],
  ])('Start is disabled with %s', (_name, act_) => {
    render(<AuditSection {...props} state={{ kind: 'idle' }} onStart={vi.fn()} />);
    act_();
    expect((screen.getByTestId('audit-start') as HTMLButtonElement).disabled).toBe(true);
  });

  it('Start is disabled and says why when the page has no open socket', () => {
    render(<AuditSection {...props} recording={recordingOf([])} state={{ kind: 'idle' }} onStart={vi.fn()} />);
    expect((screen.getByTestId('audit-start') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('This page has no open WebSocket to check.')).toBeTruthy();
  });

  it('the report card shows the analysis verdicts, and a row selects the closure it judged', async () => {
    const page = new FakePage(['wss://rt.example/live'], (code) => (code === 1008 ? 0 : 1500));
    const parsed = parseScenarios('1012,1008');
    if (!parsed.ok) throw new Error('parse');
    const report = await runAudit(page.driver(), { scenarios: parsed.scenarios });
    const onSelect = vi.fn();
    const state: AuditState = { kind: 'done', report };
    render(<AuditSection {...props} onSelect={onSelect} state={state} onStart={vi.fn()} />);
    const rows = screen.getAllByTestId('audit-row');
    expect(
      rows.map((r) => [r.getAttribute('data-scenario'), r.getAttribute('data-level'), r.getAttribute('data-rule')]),
    ).toEqual([
      ['1012', 'fits', 'restart.fits'],
      ['1008', 'problem', 'terminal.blind-retry'],
    ]);
    expect(screen.getByTestId('audit-summary').textContent).toBe('1 of 2 checks found a problem.');
    fireEvent.click(rows[1]!);
    expect(onSelect).toHaveBeenCalledWith(report.rows[1]!.closureId);
    fireEvent.keyDown(rows[0]!, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith(report.rows[0]!.closureId);
  });

  it('shows each endpoint of the report card as it is given to show it (redacted with the settings)', async () => {
    const url = 'wss://key@rt.example/live/xoxb0123456789abcdefghijk';
    const page = new FakePage([url], () => 1500);
    const parsed = parseScenarios('1012');
    if (!parsed.ok) throw new Error('parse');
    const report = await runAudit(page.driver(), { scenarios: parsed.scenarios });
    const state: AuditState = { kind: 'done', report };
    render(<AuditSection {...props} shown={redactUrl} state={state} onStart={vi.fn()} />);
    const cell = screen.getByTestId('audit-row').querySelector('.audit-endpoint');
    expect(cell?.textContent).toBe('wss://REDACTED@rt.example/live/REDACTED');
    expect(report.rows[0]?.endpoint).toBe(url);
  });

  it("words a row's waits and expectation as the detail words them, in the language's digits", async () => {
    const page = new FakePage(['wss://rt.example/live'], () => 1500);
    const parsed = parseScenarios('1012');
    if (!parsed.ok) throw new Error('parse');
    const report = await runAudit(page.driver(), { scenarios: parsed.scenarios });
    const verdict = report.rows[0]!.verdict!;
    try {
      // Arabic as Egypt writes it: Arabic-Indic digits and decimal sign.
      setTranslator(catalogTranslator(localeCatalog('ar')), { intlLocale: 'ar-EG', isolate: true });
      render(<AuditSection {...props} state={{ kind: 'done', report }} onStart={vi.fn()} />);
      const cells = [...screen.getByTestId('audit-row').querySelectorAll('td')].map((td) => td.textContent ?? '');
      const detail = render(<VerdictSection verdict={verdict} closureId="x" onSelect={vi.fn()} />).container;
      const facts = [...detail.querySelectorAll('.facts dd')].map((dd) => dd.textContent ?? '');
      // Delays and Expected, as the detail's Observed and Expected for the closure the row opens.
      expect([cells[2], cells[3]]).toEqual(facts);
      expect(cells[2]).toContain('١٫٥٠');
      expect(cells[2]).not.toMatch(/[0-9]/);
    } finally {
      installTestMessages();
    }
  });

  it('says which profile judged the report, and that another chosen since needs the check run again', async () => {
    const page = new FakePage(['wss://rt.example/live'], () => 1500);
    const parsed = parseScenarios('1012');
    if (!parsed.ok) throw new Error('parse');
    const report = await runAudit(page.driver(), { scenarios: parsed.scenarios, profileId: 'default' });
    const state: AuditState = { kind: 'done', report };
    const view = render(<AuditSection {...props} state={state} onStart={vi.fn()} />);
    expect(screen.getByTestId('audit-profile').textContent).toBe('Judged by the profile: Closeline default.');
    // The profile changed (here or in another view) after the run: its waits and verdicts are the old one's.
    view.rerender(<AuditSection {...props} profileId="iana" state={state} onStart={vi.fn()} />);
    expect(screen.getByTestId('audit-profile').textContent).toBe(
      'Judged by the profile: Closeline default. The profile chosen now is IANA reference text: run the check again for its verdicts.',
    );
  });

  it('shows a hostile endpoint and moved-to host isolated, in the report card and the endpoint choice', async () => {
    const endpoint = 'wss://evil.example/\u202Egnp.x';
    const recording = recordingOf([conn({ id: 'e', at: T0, url: endpoint })]);
    const movedTo = '\u202Eelgoog.example';
    const report = {
      profileId: 'default',
      startedAt: T0,
      endedAt: T0 + 1000,
      scenarios: ['1013'],
      endpoints: [endpoint],
      rows: [
        {
          endpoint,
          scenario: '1013',
          outcome: 'recovered' as const,
          closureId: 'e',
          level: 'fits' as const,
          delaysS: [2],
          verdict: {
            level: 'fits' as const,
            rule: 'iana.moved',
            text: { id: 'verdict_iana_overload_moved', subs: ['1013', '2.00 s', movedTo] },
            observedDelays: [2],
            profileId: 'default',
          },
        },
      ],
      recording,
    };
    render(<AuditSection {...props} recording={recording} state={{ kind: 'done', report }} onStart={vi.fn()} />);
    const row = screen.getByTestId('audit-row');
    const bdis = [...row.querySelectorAll('bdi')];
    expect(bdis.map((b) => [b.getAttribute('dir'), b.textContent])).toEqual([
      ['ltr', 'wss://evil.example/U+202Egnp.x'],
      ['ltr', 'U+202Eelgoog.example'],
    ]);
    expect(row.textContent).toContain('Connected to another server (U+202Eelgoog.example) after 2.00 s');
    expect(row.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    // An <option> holds only text: the endpoint is isolated in characters.
    const option = within(screen.getByTestId('audit-endpoint')).getByRole('option', { name: /evil/ });
    expect(option.textContent).toBe('\u2066wss://evil.example/[U+202E]gnp.x\u2069');
    expect((option as HTMLOptionElement).value).toBe(endpoint);
  });
});
