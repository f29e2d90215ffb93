import { describe, expect, it, vi } from 'vitest';
import { downloadText, exportFileName, exportText } from './export-recording';
import { analyzeRecording } from '../analysis';
import { seededRandom } from '../analysis/test-fixtures';
import type { Connection } from '../protocol/recording';
import { closeAt, connectionOf, openAt } from '../test-support/recordings';
import { conn, recordingOf, T0, type ConnOpts } from '../panel/fixtures/recording';
import { parseRecording } from '../protocol/validate-recording';

const NOW = new Date(2024, 4, 9, 12).getTime();

describe('exportFileName', () => {
  it.each([
    [
      'top frame host',
      recordingOf([conn({ id: 'a', frameUrl: 'https://app.example:8443/x?y=1', url: 'wss://rt.example/ws' })]),
      'closeline-app.example-2024-05-09.json',
    ],
    [
      'sub frame only: socket host',
      recordingOf([conn({ id: 'a', frameId: 3, url: 'wss://rt.example/ws' })]),
      'closeline-rt.example-2024-05-09.json',
    ],
    ['nothing recorded: tab id', recordingOf([]), 'closeline-tab7-2024-05-09.json'],
    ['IPv6 host', recordingOf([conn({ id: 'a', frameUrl: 'http://[::1]:3000/' })]), 'closeline-___1_-2024-05-09.json'],
  ])('%s', (_name, rec, want) => {
    expect(exportFileName(rec, NOW)).toBe(want);
  });

  it('leaves the site out for a tab in a private window (the download is listed in the normal history)', () => {
    const rec = recordingOf([conn({ id: 'a', frameUrl: 'https://secret.example/x' })]);
    expect(exportFileName(rec, NOW, true)).toBe('closeline-private-2024-05-09.json');
  });
});

describe('exportText', () => {
  const rec = recordingOf([
    conn({ id: 'a', url: 'wss://rt.example/ws?token=s3cret', frameUrl: 'https://app.example/?sid=42' }),
  ]);

  it.each([
    // Two values, two placeholders: which value recurs is kept, never the value.
    [true, 'wss://rt.example/ws?token=REDACTED', 'https://app.example/?sid=REDACTED-2'],
    [false, 'wss://rt.example/ws?token=s3cret', 'https://app.example/?sid=42'],
  ])('redactQuery %s', (redact, url, frameUrl) => {
    const parsed = JSON.parse(exportText(rec, redact, NOW));
    expect(parsed.connections[0].url).toBe(url);
    expect(parsed.connections[0].frameUrl).toBe(frameUrl);
    expect(parsed.exportedAt).toBe(NOW);
  });

  it('round-trips through the import validator', () => {
    const res = parseRecording(exportText(rec, false, NOW));
    expect(res).toEqual({ ok: true, recording: { ...rec, exportedAt: NOW } });
  });

  it('says which profile judged it, read back on import; a file from an older build has none', () => {
    const res = parseRecording(exportText(rec, false, NOW, false, 'rfc6455'));
    expect(res).toEqual({ ok: true, recording: { ...rec, exportedAt: NOW, profileId: 'rfc6455' } });
    // A profile a newer build knows is kept as written: the panel says it is unknown here.
    const newer = parseRecording(JSON.stringify({ ...rec, profileId: 'strict' }));
    expect(newer.ok && newer.recording.profileId).toBe('strict');
  });
});

describe('exportText and message content', () => {
  const lastMessages = [
    { dir: 'out' as const, at: 1, kind: 'text' as const, size: 30, text: 'login user=ann&token=s3cret' },
    { dir: 'in' as const, at: 2, kind: 'binary' as const, size: 2, hex: 'abcd' },
  ];
  const rec = { ...recordingOf([conn({ id: 'a' })]) };
  rec.connections = [{ ...rec.connections[0]!, lastMessages }];

  it('leaves content out unless asked: direction, time, kind and size stay', () => {
    const parsed = JSON.parse(exportText(rec, false, NOW));
    expect(parsed.connections[0].lastMessages).toEqual([
      { dir: 'out', at: 1, kind: 'text', size: 30 },
      { dir: 'in', at: 2, kind: 'binary', size: 2 },
    ]);
  });

  it.each([
    [true, 'login user=REDACTED&token=REDACTED'],
    [false, 'login user=ann&token=s3cret'],
  ])('includes content when asked, redacted when redaction is on (%s)', (redact, text) => {
    const parsed = JSON.parse(exportText(rec, redact, NOW, true));
    expect(parsed.connections[0].lastMessages[0].text).toBe(text);
    expect(parsed.connections[0].lastMessages[1].hex).toBe('abcd');
    expect(parseRecording(exportText(rec, redact, NOW, true)).ok).toBe(true);
  });

  // The hook keeps 1 KiB of a text message; redaction puts a placeholder in for every value, so a
  // form-encoded or header-style message comes out longer than it went in. The file must still open whole.
  it.each([
    ['name=value pairs', 'a=b&'.repeat(256)],
    ['credential header lines', '\npin:'.repeat(204)],
    ['empty credential fields', '"pin":"",'.repeat(113)],
  ])('reads back a kept 1 KiB message whose redaction lengthened it (%s)', (_name, text) => {
    const lastMessage = { dir: 'out' as const, at: T0 + 5, kind: 'text' as const, size: 9_000, text, cut: true };
    const full = { ...rec, connections: [{ ...rec.connections[0]!, lastMessages: [lastMessage] }] };
    const file = exportText(full, true, NOW, true);
    const back = parseRecording(file);
    expect(back).toMatchObject({ ok: true, recording: { connections: [{ id: 'a' }] } });
    expect(back.ok && back.leftOut).toBeUndefined();
    expect(back.ok && back.recording.connections[0]!.lastMessages).toEqual(
      JSON.parse(file).connections[0].lastMessages,
    );
  });
});

describe('downloadText', () => {
  it('clicks a download link named after the file, holding the text, and frees the URL later', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:closeline/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    downloadText('closeline-x-2023-11-14.json', '{"a":1}');
    expect(clicked).toEqual([{ href: 'blob:closeline/1', download: 'closeline-x-2023-11-14.json', attached: true }]);
    expect(await blobs[0]?.text()).toBe('{"a":1}');
    expect(document.querySelector('a[download]')).toBeNull();
    vi.advanceTimersByTime(10_000);
    expect(revoke).toHaveBeenCalledWith('blob:closeline/1');
    vi.useRealTimers();
    create.mockRestore();
    revoke.mockRestore();
    click.mockRestore();
  });
});

describe('exportText keeps what the verdicts were judged on', () => {
  // A 1008 is a "blind retry" when the next attempt sends the very same request, and fits when the page
  // changed it (a new token, another user, another subprotocol). Redaction must not turn one into the other.
  const judge = (rec: ReturnType<typeof recordingOf>) =>
    analyzeRecording(rec, { now: T0 + 60_000 }).summary.worst?.verdict.finding;
  const refusedThenRetried = (first: Partial<ConnOpts>, second: Partial<ConnOpts>) =>
    recordingOf([
      conn({ id: 'a', code: 1008, lifeMs: 500, ...first }),
      conn({ id: 'b', at: T0 + 1_000, lifeMs: 20_000, ...second }),
    ]);

  it.each([
    ['a new token in the query', { url: 'wss://rt.example/ws?token=old' }, { url: 'wss://rt.example/ws?token=new' }],
    ['another user name', { url: 'wss://ann@rt.example/ws' }, { url: 'wss://bob@rt.example/ws' }],
    [
      'a new token as subprotocol',
      { protocols: ['bearer', 'eyJhbGciOiJIUzI1NiJ9oldoldoldold'] },
      { protocols: ['bearer', 'eyJhbGciOiJIUzI1NiJ9newnewnewnew'] },
    ],
  ])('a 1008 answered with %s still fits once the export is opened', (_name, first, second) => {
    const rec = refusedThenRetried(first, second);
    expect(judge(rec)).toBe('changed-request');
    const back = parseRecording(exportText(rec, true, T0 + 60_000));
    expect(back.ok && judge(back.recording)).toBe('changed-request');
  });

  it('over seeded random recordings, every closure has the same verdict once the export is opened', () => {
    const r = seededRandom(7);
    const pick = <T>(list: T[]): T => list[Math.floor(r() * list.length)]!;
    let changed = 0;
    for (let draw = 0; draw < 1_000; draw++) {
      const connections: Connection[] = [];
      const count = 2 + Math.floor(r() * 5);
      let at = T0;
      for (let i = 0; i < count; i++) {
        const url = `wss://${pick(['', 'ann@', 'bob@'])}${pick(['a.example', 'b.example'])}/ws${pick(['', '?t=1', '?t=2', '?t=1&v=x', '#k=1', '?t=2#f'])}`;
        const protocols = pick([[], ['chat'], ['bearer', 'x'.repeat(25)], ['bearer', 'y'.repeat(25)]]);
        const opened = openAt(at + 5, protocols[0] ?? '');
        const closed = closeAt(at + 50, pick([1000, 1001, 1006, 1008, 1011, 1012, 1013, 3000, 4001]));
        const events = i === count - 1 && r() < 0.5 ? [opened] : [opened, closed];
        connections.push(connectionOf({ id: `c${i}`, url, protocols, createdAt: at, events }));
        at += 50 + pick([10, 300, 2_000, 7_000, 40_000]);
      }
      const rec = recordingOf(connections);
      const now = at + 5_000;
      const back = parseRecording(exportText(rec, true, now));
      const verdicts = (x: typeof rec) => JSON.stringify(analyzeRecording(x, { now }).verdictByClosure);
      if (!back.ok || verdicts(back.recording) !== verdicts(rec)) changed++;
    }
    expect(changed).toBe(0);
  });

  it('the same request sent again is still a blind retry, and no value shows', () => {
    const rec = refusedThenRetried(
      { url: 'wss://rt.example/ws?token=s3cret' },
      { url: 'wss://rt.example/ws?token=s3cret' },
    );
    const text = exportText(rec, true, T0 + 60_000);
    expect(text).not.toContain('s3cret');
    const back = parseRecording(text);
    expect(back.ok && judge(back.recording)).toBe('blind-retry');
  });
});
