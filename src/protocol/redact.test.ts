import { describe, expect, it } from 'vitest';
import {
  createRecordingRedactor,
  redactProtocol,
  redactRecording,
  redactRecordingForFile,
  redactStack,
  redactText,
  redactUrl,
  stripPasswords,
} from './redact';
import { conn, recordingOf } from '../panel/fixtures/recording';

describe('redactUrl', () => {
  it.each([
    ['wss://a.example/ws', 'wss://a.example/ws'],
    ['wss://a.example/ws?token=abc', 'wss://a.example/ws?token=REDACTED'],
    ['wss://a.example/ws?token=abc&v=2&flag', 'wss://a.example/ws?token=REDACTED&v=REDACTED&flag'],
    ['wss://a.example/ws?token=a=b', 'wss://a.example/ws?token=REDACTED'],
    ['https://a.example/p?x=1#secret', 'https://a.example/p?x=REDACTED#REDACTED'],
    ['https://a.example/p#frag', 'https://a.example/p#frag'],
    ['https://a.example/p#/route', 'https://a.example/p#/route'],
    // An OAuth implicit flow returns its token in the fragment: no query, yet a secret.
    [
      'https://a.example/cb#access_token=SECRET&token_type=bearer',
      'https://a.example/cb#access_token=REDACTED&token_type=REDACTED',
    ],
    ['https://a.example/#/cb?code=SECRET;state=s', 'https://a.example/#/cb?code=REDACTED;state=REDACTED'],
    ['https://a.example/#=SECRET', 'https://a.example/#=REDACTED'],
    ['not a url?k=v', 'not a url?k=REDACTED'],
    ['wss://user:secret@a.example/ws', 'wss://REDACTED@a.example/ws'],
    ['wss://user@a.example/ws?t=1', 'wss://REDACTED@a.example/ws?t=REDACTED'],
    ['https://a.example/p?next=http://x@y', 'https://a.example/p?next=REDACTED'],
    // A token as a path segment or as the bare query; words, slugs, UUIDs, versions and ids stay.
    ['wss://a.example/websocket/xoxb1234567890abcdefABCDEF/ws', 'wss://a.example/websocket/REDACTED/ws'],
    ['wss://a.example/ws/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig', 'wss://a.example/ws/REDACTED'],
    ['wss://a.example/ws?sk_live_51HxYzAbCdEf0123456789', 'wss://a.example/ws?REDACTED'],
    ['wss://a.example/ws?debug&v=2', 'wss://a.example/ws?debug&v=REDACTED'],
    [
      'wss://a.example/rooms/550e8400-e29b-41d4-a716-446655440000/v1.2.3/12345678901234567890123',
      'wss://a.example/rooms/550e8400-e29b-41d4-a716-446655440000/v1.2.3/12345678901234567890123',
    ],
    [
      'wss://a.example/internationalization-websocket-endpoint',
      'wss://a.example/internationalization-websocket-endpoint',
    ],
    ['wss://abcdefghij0123456789abcdef.example/ws', 'wss://abcdefghij0123456789abcdef.example/ws'],
  ])('%s', (input, want) => {
    expect(redactUrl(input)).toBe(want);
  });
});

describe('redactText (message content)', () => {
  it.each([
    ['token=abc&room=1', 'token=REDACTED&room=REDACTED'],
    ['{"type":"auth","token":"eyJhbGciOi.x.y"}', '{"type":"auth","token":"REDACTED"}'],
    ['{"accessToken": "s3cr\\"et", "user":"ann"}', '{"accessToken": "REDACTED", "user":"ann"}'],
    [
      '{"api_key":"k1","password":"p","Authorization":"Bearer abc","sid":"x"}',
      '{"api_key":"REDACTED","password":"REDACTED","Authorization":"REDACTED","sid":"REDACTED"}',
    ],
    // Cut at 1 KiB inside the value: what is left of it goes.
    ['{"op":2,"d":{"token":"MTIzNDU2Nzg5MDEy', '{"op":2,"d":{"token":"REDACTED'],
    // A credential's name as a value, or a field that merely starts like one, stays.
    [
      '{"type":"token","author":"Jane","keyboard":"qwerty","tokens":3}',
      '{"type":"token","author":"Jane","keyboard":"qwerty","tokens":3}',
    ],
    [
      'CONNECT\naccept-version:1.2\nlogin:guest\npasscode:guest\n\n\u0000',
      'CONNECT\naccept-version:1.2\nlogin:guest\npasscode:REDACTED\n\n\u0000',
    ],
    [
      'GET / HTTP/1.1\r\nAuthorization: Basic dXNlcjpwYXNz\r\nHost: a',
      'GET / HTTP/1.1\r\nAuthorization: REDACTED\r\nHost: a',
    ],
    ['send it with Bearer abcdefgh12345678 please', 'send it with Bearer REDACTED please'],
    ['the bearer of bad news', 'the bearer of bad news'],
    ['hello: world\nping', 'hello: world\nping'],
  ])('%s', (input, want) => {
    expect(redactText(input)).toBe(want);
  });
});

describe('redactRecordingForFile: one placeholder per distinct value', () => {
  const rec = recordingOf([
    conn({ id: 'a', url: 'wss://ann@a.example/ws?t=old&v=2', protocols: ['bearer', 'x'.repeat(40)] }),
    conn({ id: 'b', url: 'wss://bob@a.example/ws?t=new&v=2', protocols: ['bearer', 'y'.repeat(40)] }),
    conn({ id: 'c', url: 'wss://ann@a.example/ws?t=old&v=2#k=old', protocols: ['bearer', 'x'.repeat(40)] }),
  ]);
  const [a, b, c] = redactRecordingForFile(rec).connections;

  it('a value that recurs gets the same placeholder, another value another one', () => {
    // user, t, v and the fragment's k of each URL: which placeholder stands where, not their numbers.
    const parts = (url = '') => /^wss:\/\/(.+)@a\.example\/ws\?t=(.+)&v=([^#]+)(?:#(.+))?$/.exec(url)?.slice(1) ?? [];
    const [ua, ta, va] = parts(a?.url);
    const [ub, tb, vb] = parts(b?.url);
    const [uc, tc, vc, kc] = parts(c?.url);
    expect([ua, ta, va, kc].every((m) => m?.startsWith('REDACTED'))).toBe(true);
    expect([uc, tc, vc]).toEqual([ua, ta, va]);
    expect(vb).toBe(va);
    expect(new Set([ua, ub, ta, tb, va, kc]).size).toBe(6);
    expect(c?.protocols).toEqual(a?.protocols);
    expect(b?.protocols[1]).not.toBe(a?.protocols[1]);
    expect(b?.protocols[1]).toMatch(/^REDACTED-\d+$/);
  });

  it('no value is left, and a view still shows one placeholder for all', () => {
    expect(JSON.stringify(redactRecordingForFile(rec))).not.toMatch(/ann|bob|old|new|xxxx|yyyy/);
    expect(redactRecording(rec).connections.map((x) => x.url)).toEqual([
      'wss://REDACTED@a.example/ws?t=REDACTED&v=REDACTED',
      'wss://REDACTED@a.example/ws?t=REDACTED&v=REDACTED',
      'wss://REDACTED@a.example/ws?t=REDACTED&v=REDACTED#REDACTED',
    ]);
  });
});

describe("an exported file's placeholders, shown again", () => {
  // Opened again, a file is shown through the view's redaction: each of its placeholders must read as
  // the recording's value read before the export, one REDACTED, wherever the value was.
  const token = (c: string) => `${c.repeat(12)}0123456789`;
  const rec = recordingOf([
    conn({ id: 'a', url: `wss://a.example/ws/${token('a')}?${token('b')}`, protocols: [`t.${token('c')}`] }),
    conn({ id: 'b', url: `wss://a.example/ws/${token('d')}?${token('e')}`, protocols: [`t.${token('f')}`] }),
  ]);
  it('a token in the path, a bare query token and a token subprotocol', () => {
    const shown = (r: typeof rec) => redactRecording(r).connections.map((c) => [c.url, ...c.protocols]);
    expect(shown(redactRecordingForFile(rec))).toEqual(shown(rec));
    expect(shown(rec)).toEqual([
      ['wss://a.example/ws/REDACTED?REDACTED', 'REDACTED'],
      ['wss://a.example/ws/REDACTED?REDACTED', 'REDACTED'],
    ]);
  });
});

describe('stripPasswords (before anything is stored)', () => {
  it.each([
    ['wss://user:secret@a.example/ws', 'wss://user@a.example/ws'],
    ['wss://:secret@a.example/ws', 'wss://@a.example/ws'],
    ['wss://a.example/ws?mail=a@b.c', 'wss://a.example/ws?mail=a@b.c'],
    [
      'at f (https://u:p@a.example/app.js:1:2)\nat g (https://b.example/x.js:3:4)',
      'at f (https://u@a.example/app.js:1:2)\nat g (https://b.example/x.js:3:4)',
    ],
  ])('%s', (input, want) => {
    expect(stripPasswords(input)).toBe(want);
  });
  it('drops what a cut left of a password, and only in a cut text (a port is no password)', () => {
    expect(stripPasswords('wss://user:secr', true)).toBe('wss://user@');
    expect(stripPasswords('at f (https://a.example/x.js:1:2)\nat g (https://u:secr', true)).toBe(
      'at f (https://a.example/x.js:1:2)\nat g (https://u@',
    );
    expect(stripPasswords('wss://a.example:8080')).toBe('wss://a.example:8080');
  });
});

describe('redaction of stacks and subprotocols', () => {
  it('redacts query values inside stack frames, keeping line and column', () => {
    expect(redactStack('at connect (https://a.example/app.js?token=abc123:10:5)\nat https://a.example/b.js:1:1')).toBe(
      'at connect (https://a.example/app.js?token=REDACTED:10:5)\nat https://a.example/b.js:1:1',
    );
  });
  it("keeps a script's content-hashed path in a stack frame (a build hash is no token)", () => {
    const frame =
      'at connect (https://a.example/_next/static/Xk9aB3cD4eF5gH6iJ7kL8/chunks/main.3f9a8b7c6d5e4f3a2b1c.js:3:7)';
    expect(redactStack(frame)).toBe(frame);
  });
  it.each([
    ['graphql-transport-ws', 'graphql-transport-ws'],
    ['v12.stomp', 'v12.stomp'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig', 'REDACTED'],
    ['base64url.bearer.authorization.k8s.io.ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNkluUm9hWE1pZlE', 'REDACTED'],
  ])('subprotocol %s', (p, want) => {
    expect(redactProtocol(p)).toBe(want);
  });
  it('redacts every stack, URL and token-like subprotocol of an exported recording', () => {
    const c = conn({ id: 'a', code: 1000, pageClosed: true });
    const secret = {
      ...c,
      url: 'wss://u@a.example/ws?token=s1',
      stack: 'at f (https://a.example/app.js?k=s2:1:1)',
      protocols: ['chat', 'Bearer-' + 'x'.repeat(40)],
    };
    secret.events = secret.events.map((e) =>
      e.type === 'close-call' ? { ...e, stack: 'at g (https://a.example/c.js?k=s3:2:2)' } : e,
    );
    const text = JSON.stringify(redactRecording(recordingOf([secret])));
    for (const leak of ['s1', 's2', 's3', 'xxxxxxxxxx', 'u@']) expect(text).not.toContain(leak);
    expect(text).toContain('chat');
  });
});

describe('what a redaction copies', () => {
  const clean = conn({ id: 'a', url: 'wss://a.example/ws', code: 1000, pageClosed: true });
  it('gives back a connection with nothing to redact as it is', () => {
    const out = redactRecording(recordingOf([clean])).connections[0]!;
    expect(out).toBe(clean);
  });

  it('copies a connection whose URL has a secret, keeping the events, subprotocols and messages without one', () => {
    const c = {
      ...clean,
      url: 'wss://a.example/ws?token=s1',
      lastMessages: [{ dir: 'in' as const, at: 1, kind: 'text' as const, size: 2, text: 'hi' }],
    };
    const out = redactRecording(recordingOf([c])).connections[0]!;
    expect(out).not.toBe(c);
    expect(out.url).toBe('wss://a.example/ws?token=REDACTED');
    expect(out.events).toBe(c.events);
    expect(out.protocols).toBe(c.protocols);
    expect(out.lastMessages).toBe(c.lastMessages);
    expect(c.url).toBe('wss://a.example/ws?token=s1');
  });

  it('copies only the event and the message that carry a secret, leaving the originals as they were', () => {
    const events = clean.events.map((e) =>
      e.type === 'close-call' ? { ...e, stack: 'at g (https://a.example/c.js?k=s3:2:2)' } : e,
    );
    const lastMessages = [
      { dir: 'in' as const, at: 1, kind: 'text' as const, size: 2, text: 'hi' },
      { dir: 'out' as const, at: 2, kind: 'text' as const, size: 9, text: 'token=s4' },
    ];
    const c = { ...clean, events, lastMessages };
    const out = redactRecording(recordingOf([c])).connections[0]!;
    const at = events.findIndex((e) => e.type === 'close-call');
    expect(at).toBeGreaterThanOrEqual(0);
    out.events.forEach((e, i) => (i === at ? expect(e).not.toBe(events[i]) : expect(e).toBe(events[i])));
    expect(JSON.stringify(out)).not.toMatch(/s3|s4/);
    expect(out.lastMessages![0]).toBe(lastMessages[0]);
    expect(out.lastMessages![1]!.text).toBe('token=REDACTED');
    expect(JSON.stringify(c)).toMatch(/s3.*s4/);
  });
});

describe('the redactor a view keeps (memo per connection, and per text within one pass)', () => {
  const STACK = 'at f (https://a.example/app.js?k=s2:1:1)';
  const withSecrets = (id: string, url: string, stack = STACK) => {
    const c = conn({ id, url, code: 1000, pageClosed: true });
    return {
      ...c,
      stack,
      events: c.events.map((e) => (e.type === 'close-call' ? { ...e, stack: `${stack}\nat g` } : e)),
    };
  };
  const shared = withSecrets('a', 'wss://a.example/ws?token=1');
  it.each([
    ['one connection', [shared]],
    [
      'repeated URLs and stacks',
      [shared, withSecrets('b', 'wss://a.example/ws?token=1'), withSecrets('c', shared.url)],
    ],
    ['different texts', [withSecrets('d', 'wss://d.example/?t=4', 'at h (https://d.example/x.js?q=1:3:4)'), shared]],
  ])('%s: the same as redactRecording, on the first pass and the next', (_, connections) => {
    const rec = recordingOf(connections);
    rec.marks = [{ type: 'navigation', at: rec.startedAt, frameId: 0, documentId: 'd', url: 'https://a.example/?s=1' }];
    const redact = createRecordingRedactor();
    expect(redact(rec)).toEqual(redactRecording(rec));
    // A later version of the recording: one connection replaced, the others kept.
    const next = { ...rec, connections: [...rec.connections.slice(1), withSecrets('z', 'wss://z.example/?k=9')] };
    expect(redact(next)).toEqual(redactRecording(next));
  });

  it('keeps the redacted copy of an unchanged connection for the next version of a live recording only', () => {
    const rec = recordingOf([withSecrets('a', 'wss://a.example/ws?token=1'), withSecrets('b', 'wss://b.example/?t=2')]);
    const redact = createRecordingRedactor();
    const once = redact(rec, false);
    expect(once).toEqual(redactRecording(rec));
    // Nothing was kept for a recording that has no next version...
    const live = redact(rec);
    expect(live).toEqual(once);
    live.connections.forEach((c, i) => expect(c).not.toBe(once.connections[i]));
    // ...and nothing kept is taken for one: each of its passes makes its own copies.
    redact(rec, false).connections.forEach((c, i) => expect(c).not.toBe(live.connections[i]));
    redact(rec).connections.forEach((c, i) => expect(c).toBe(live.connections[i]));
  });
});
