/**
 * What earlier builds wrote, read by this one (docs/upgrades.md): a recording file exported by the first
 * build and one from the build that added last messages and stalls open whole, and settings stored by
 * the first build keep every choice, with the fields added since at their defaults.
 */
import { describe, expect, it } from 'vitest';
import { parseRecording } from './validate-recording';
import { sanitizeSettings } from './settings';
import { DEFAULT_SETTINGS } from './messages';

const T = 1_795_529_615_440;
const counters = { sentMessages: 1, sentSize: 5, receivedMessages: 2, receivedSize: 9 };
const dropped = {
  connectionsEvicted: 0,
  connectionsRateLimited: 0,
  eventsRejected: 0,
  eventsOverflowed: 0,
  fieldsTruncated: 0,
  marksEvicted: 0,
};

/** As the first build exported: no socketNumber, persisted, connectionsUnreadable, profileId or lastMessages. */
const firstBuild = {
  format: 'closeline-recording',
  version: 1,
  extensionVersion: '0.1.0',
  tabId: 12,
  startedAt: T,
  exportedAt: T + 90_000,
  connections: [
    {
      id: '12:0:D1:1',
      api: 'WebSocket',
      url: 'wss://api.example.com/live?token=REDACTED',
      protocols: ['v1'],
      frameId: 0,
      documentId: 'D1',
      frameUrl: 'https://app.example.com/',
      createdAt: T + 10,
      stack: 'at connect (https://app.example.com/app.js:1:2)',
      events: [
        { type: 'open', at: T + 20, protocol: 'v1', extensions: '' },
        { type: 'close', at: T + 5_000, code: 1012, reason: 'restart', wasClean: true },
      ],
      counters,
    },
    {
      id: '12:0:D1:2',
      api: 'WebSocketStream',
      url: 'wss://api.example.com/live',
      protocols: [],
      frameId: 0,
      documentId: 'D1',
      frameUrl: 'https://app.example.com/',
      createdAt: T + 7_000,
      stack: '',
      events: [
        { type: 'open', at: T + 7_010, protocol: '', extensions: '' },
        // A WebSocketStream's close() call: readyState -1, which builds before one fix could not read back.
        { type: 'close-call', at: T + 8_000, readyState: -1, stack: '' },
        { type: 'close', at: T + 8_010, code: 1005, reason: '', wasClean: true },
      ],
      counters: { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 },
    },
    {
      id: '12:0:D1:3',
      api: 'WebSocket',
      url: 'wss://api.example.com/live',
      protocols: [],
      frameId: 0,
      documentId: 'D1',
      frameUrl: 'https://app.example.com/',
      createdAt: T + 9_000,
      stack: '',
      events: [{ type: 'ended-with-document', at: T + 20_000, cause: 'pagehide' }],
      counters: { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 },
    },
  ],
  marks: [
    { type: 'navigation', at: T, frameId: 0, documentId: 'D1', url: 'https://app.example.com/' },
    { type: 'lifecycle', at: T + 20_000, frameId: 0, documentId: 'D1', state: 'pagehide' },
  ],
  dropped,
};

/** As the build that added last messages and simulated stalls exported (message text lengthened by redaction). */
const lastMessagesBuild = {
  ...firstBuild,
  connections: [
    {
      ...firstBuild.connections[0],
      events: [
        { type: 'open', at: T + 20, protocol: 'v1', extensions: '' },
        { type: 'stall', at: T + 30, seconds: 20, simulated: true },
        { type: 'stall-end', at: T + 4_000, outcome: 'delivered', heldIn: 1, heldOut: 0, simulated: true },
        { type: 'close', at: T + 5_000, code: 1012, reason: 'restart', wasClean: true },
      ],
      lastMessages: [
        { dir: 'out', at: T + 25, kind: 'text', size: 1024, text: 'token=REDACTED&'.repeat(150), cut: true },
        { dir: 'in', at: T + 26, kind: 'binary', size: 3, hex: '0a0b0c' },
        { dir: 'in', at: T + 27, kind: 'blob', size: 10 },
      ],
    },
  ],
};

describe('recording files exported by earlier builds', () => {
  it.each([
    ['the first build', firstBuild, 3],
    ['the build that added last messages and stalls', lastMessagesBuild, 1],
  ])('one from %s opens whole', (_, file, count) => {
    const res = parseRecording(JSON.stringify(file));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.leftOut).toBeUndefined();
    expect(res.recording.connections).toHaveLength(count);
    // Fields added since read as the file's build meant them.
    expect(res.recording.dropped.connectionsUnreadable).toBe(0);
    expect(res.recording.profileId).toBeUndefined();
    expect(res.recording.connections[0]!.socketNumber).toBeUndefined();
  });

  it('reads a pagehide mark written before `persisted` as one that may come back, as it was then', () => {
    const res = parseRecording(JSON.stringify(firstBuild));
    if (!res.ok) throw new Error('refused');
    expect(res.recording.marks[1]).toMatchObject({ state: 'pagehide' });
    expect((res.recording.marks[1] as { persisted?: boolean }).persisted).toBeUndefined();
  });
});

describe('settings stored by earlier builds', () => {
  it("keep the first build's choices; the fields added since take their defaults", () => {
    const first = {
      preserveLog: false,
      profileId: 'iana',
      recentMinutes: 60,
      redactQuery: false,
      pausedSites: ['a.example'],
    };
    expect(sanitizeSettings(first, DEFAULT_SETTINGS)).toEqual({
      ...first,
      contentCapture: {},
      exportContent: false,
      language: 'auto',
    });
  });

  it('migrate what older builds stored in forms this one no longer keeps', () => {
    const stored = {
      // Paused sites in capitals matched no page; an empty one paused every file: and data: page.
      pausedSites: ['Shop.Example', '', 'shop.example'],
      // Choices that are the site's default held a place of the 1,000.
      contentCapture: { localhost: true, 'api.example': true, 'other.example': false },
      language: 'ar',
    };
    expect(sanitizeSettings(stored, DEFAULT_SETTINGS)).toMatchObject({
      pausedSites: ['shop.example'],
      contentCapture: { 'api.example': true },
      language: 'ar',
    });
  });
});
