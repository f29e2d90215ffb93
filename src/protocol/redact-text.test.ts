import { describe, expect, it } from 'vitest';
import { distinctMarks, redactRecording, redactRecordingForFile } from './redact';
import { redactReason } from './redact-text';
import { conn, recordingOf } from '../panel/fixtures/recording';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('redactReason (a close reason, at most 123 bytes)', () => {
  it.each([
    [`token expired: ${JWT}`, 'token expired: REDACTED.REDACTED.REDACTED'],
    ['invalid api key sk_live_51HxYz0123456789abcdef', 'invalid api key REDACTED'],
    ['auth failed (token=abc123)', 'auth failed (token=REDACTED)'],
    ['refused: Bearer abcdefgh12345678', 'refused: Bearer REDACTED'],
    // Prose, codes, ids and `name: value` stay: they explain the close, and carry no secret.
    ['Token expired', 'Token expired'],
    ['token: expired', 'token: expired'],
    ['rate limit exceeded, retry_after=30', 'rate limit exceeded, retry_after=30'],
    ['session 550e8400-e29b-41d4-a716-446655440000 ended', 'session 550e8400-e29b-41d4-a716-446655440000 ended'],
    ['internationalization-unavailable', 'internationalization-unavailable'],
    ['Service restart', 'Service restart'],
    ['', ''],
    // An export's placeholders read as secrets again (shown as one REDACTED).
    ['token expired: REDACTED-2.REDACTED-3', 'token expired: REDACTED.REDACTED'],
  ])('%s', (input, want) => {
    expect(redactReason(input)).toBe(want);
  });

  it('gives each distinct secret its own mark in an export, the same one where it recurs', () => {
    const mark = distinctMarks();
    expect(redactReason('a0123456789012345678901 b0123456789012345678901', mark)).toBe('REDACTED REDACTED-2');
    expect(redactReason('again a0123456789012345678901', mark)).toBe('again REDACTED');
  });
});

describe("a recording's close reasons", () => {
  const base = recordingOf([conn({ id: 'a', code: 1008 }), conn({ id: 'b', code: 1000, reason: 'done' })]);
  const a = base.connections[0]!;
  const rec = {
    ...base,
    connections: [
      {
        ...a,
        events: [
          a.events[0]!,
          {
            type: 'close-call' as const,
            at: a.createdAt + 20,
            code: 4001,
            reason: `bye ${JWT}`,
            readyState: 1,
            stack: '',
          },
          { type: 'close' as const, at: a.createdAt + 30, code: 1008, reason: `token expired: ${JWT}`, wasClean: true },
        ],
      },
      base.connections[1]!,
    ],
  };

  it('are redacted in what is shown and in an export; one without a secret is kept as it was', () => {
    expect(redactRecording(rec).connections[0]!.events[2]).toMatchObject({
      reason: 'token expired: REDACTED.REDACTED.REDACTED',
    });
    for (const out of [redactRecording(rec), redactRecordingForFile(rec)]) {
      expect(JSON.stringify(out)).not.toContain('SflKxwRJ');
      // The same token's parts get the same marks in both reasons (an export numbers distinct ones).
      const [, call, close] = out.connections[0]!.events as { reason?: string }[];
      const marks = /^token expired: (REDACTED(?:-\d+)?\.REDACTED(?:-\d+)?\.REDACTED(?:-\d+)?)$/.exec(
        close!.reason!,
      )?.[1];
      expect(marks).toBeDefined();
      expect(call!.reason).toBe(`bye ${marks}`);
      expect(out.connections[1]).toBe(rec.connections[1]);
    }
  });
});
