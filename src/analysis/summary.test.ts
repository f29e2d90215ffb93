import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { conn, recordingOf, T0 } from './test-fixtures';

describe('summary', () => {
  const conns = [
    // A 1008 blind retry (problem); its retry fails with 1006 inside the episode.
    conn({ id: 'p', createdAt: T0, openAfter: 5, closeAfter: 20_000, code: 1008 }),
    conn({ id: 'p2', createdAt: T0 + 21_000, closeAfter: 100, error: true }),
    // Two normal closes by the page and one still open.
    conn({
      id: 'n1',
      createdAt: T0,
      url: 'wss://other.example/a',
      openAfter: 5,
      closeCallAfter: 1_000,
      closeAfter: 1_010,
      code: 1000,
    }),
    conn({
      id: 'n2',
      createdAt: T0 + 100,
      url: 'wss://other.example/b',
      openAfter: 5,
      closeCallAfter: 1_000,
      closeAfter: 1_010,
      code: 1000,
    }),
    conn({ id: 'open', createdAt: T0 + 200, url: 'wss://third.example/c', openAfter: 5 }),
  ];
  const a = analyzeRecording(recordingOf(conns), { now: T0 + 300_000 });

  it('counts closures by code, problems first', () => {
    expect(a.summary.byCode).toEqual([
      { code: 1008, count: 1, problems: 1 },
      { code: 1000, count: 2, problems: 0 },
      { code: 1006, count: 1, problems: 0 },
    ]);
  });

  it('names the worst closure, the problem count and the open sockets', () => {
    expect(a.summary.problemCount).toBe(1);
    expect(a.summary.worst).toMatchObject({
      connectionId: 'p',
      code: 1008,
      verdict: { level: 'problem', rule: 'terminal.blind-retry' },
    });
    expect(a.summary.openNow).toBe(1);
  });

  it('is empty for an empty recording', () => {
    const empty = analyzeRecording(recordingOf([]), { now: T0 });
    expect(empty.summary).toEqual({ byCode: [], problemCount: 0, openNow: 0 });
  });
});
