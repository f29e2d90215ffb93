import { describe, expect, it } from 'vitest';
import { AUDIT_REPORT_FORMAT, MAX_IMPORT_BYTES, parseRecording } from './validate-recording';
import { conn, recordingOf } from '../panel/fixtures/recording';
import type { Recording } from './recording';
import { t } from '../i18n/translate';
import { tText } from '../i18n/numbers';
import { IMPORT_LIMITS } from './limits';

const good = (): Recording =>
  recordingOf(
    [conn({ id: 'a', code: 1012, pageClosed: true }), conn({ id: 'b', code: 1006, wasClean: false, simulated: true })],
    {
      marks: [{ type: 'lifecycle', at: 1, frameId: 0, documentId: 'd', state: 'hidden' }],
      exportedAt: 5,
    },
  );

/** Serialises the good recording after letting `edit` break one thing. */
function mutated(edit: (r: Record<string, unknown> & { connections: Record<string, unknown>[] }) => void): string {
  const r = JSON.parse(JSON.stringify(good()));
  edit(r);
  return JSON.stringify(r);
}

describe('parseRecording', () => {
  it('accepts a well-formed recording and returns an equal one', () => {
    const res = parseRecording(JSON.stringify(good()));
    expect(res).toEqual({ ok: true, recording: good() });
  });

  it('keeps a close Closeline inferred (an error and no close event) as inferred', () => {
    const r = good();
    const c = r.connections[1]!;
    c.events = [
      { type: 'error', at: c.createdAt + 1 },
      { type: 'close', at: c.createdAt + 1, code: 1006, reason: '', wasClean: false, inferred: true },
    ];
    expect(parseRecording(JSON.stringify(r))).toEqual({ ok: true, recording: r });
  });

  it('opens the recording inside a reconnect check report, validated like any other', () => {
    const report = { format: AUDIT_REPORT_FORMAT, version: 1, rows: [], recording: good() };
    expect(parseRecording(JSON.stringify(report))).toEqual({ ok: true, recording: good() });
    expect(parseRecording(JSON.stringify({ ...report, recording: { ...good(), connections: 'x' } })).ok).toBe(false);
    expect(parseRecording(JSON.stringify({ format: AUDIT_REPORT_FORMAT })).ok).toBe(false);
  });

  it("names a report's fields where they are in the file: under $.recording", () => {
    const report = (recording: unknown) =>
      JSON.stringify({ format: AUDIT_REPORT_FORMAT, version: 1, rows: [], recording });
    const bad = JSON.parse(JSON.stringify(good()));
    bad.connections[0].api = 7;
    expect(parseRecording(report(bad))).toMatchObject({
      ok: true,
      leftOut: {
        connections: 1,
        first: { id: 'panel_import_err_enum', subs: ['$.recording.connections[0].api', 'WebSocket, WebSocketStream'] },
      },
    });
    expect(parseRecording(report(undefined))).toEqual({
      ok: false,
      error: { id: 'panel_import_err_object', subs: ['$.recording'] },
    });
    const early = JSON.parse(JSON.stringify(good()));
    early.connections[1].events[1].at = early.connections[1].createdAt - 1;
    expect(parseRecording(report(early))).toMatchObject({
      ok: true,
      leftOut: { first: { id: 'panel_import_err_before_created', subs: ['$.recording.connections[1].events[1].at'] } },
    });
  });

  it('drops unknown fields rather than passing them to the UI', () => {
    const res = parseRecording(
      mutated((r) => {
        r.evil = 1;
        r.connections[0]!.extra = '<script>';
      }),
    );
    expect(res.ok && Object.keys(res.recording)).not.toContain('evil');
    expect(res.ok && Object.keys(res.recording.connections[0]!)).not.toContain('extra');
  });

  it.each<[string, (r: Record<string, unknown> & { connections: Record<string, unknown>[] }) => void]>([
    ['on an event', (r) => ((r.connections[0]!.events as Record<string, unknown>[])[0]!.extra = 1)],
    ['on the counters', (r) => ((r.connections[1]!.counters as Record<string, unknown>).extra = 1)],
    ['on a mark', (r) => ((r.marks as Record<string, unknown>[])[0]!.extra = 1)],
    ['on the dropped counts', (r) => ((r.dropped as Record<string, unknown>).extra = 1)],
    [
      'on a last message',
      (r) => (r.connections[0]!.lastMessages = [{ dir: 'in', at: 1, kind: 'text', size: 2, text: 'hi', extra: 1 }]),
    ],
  ])('drops an unknown field %s and keeps everything else', (_, edit) => {
    const res = parseRecording(mutated(edit));
    expect(res.ok).toBe(true);
    expect(JSON.stringify(res.ok && res.recording)).not.toContain('extra');
    const want = good();
    if (JSON.parse(mutated(edit)).connections[0].lastMessages)
      want.connections[0]!.lastMessages = [{ dir: 'in', at: 1, kind: 'text', size: 2, text: 'hi' }];
    expect(res.ok && res.recording).toEqual(want);
  });

  describe('a last message that cannot be read costs only itself: the connection is kept, marked cut', () => {
    const hi = { dir: 'in', at: 1, kind: 'text', size: 2, text: 'hi' };
    const many = Array.from({ length: IMPORT_LIMITS.lastMessages + 2 }, (_, i) => ({ ...hi, at: i + 1 }));
    it.each<[string, unknown, object[] | undefined, string[] | undefined]>([
      ['a good list is kept as it is', [hi, { ...hi, dir: 'out' }], [hi, { ...hi, dir: 'out' }], undefined],
      [
        'one of another shape is left out',
        [hi, { ...hi, kind: 'smoke' }, { ...hi, at: 3 }],
        [hi, { ...hi, at: 3 }],
        ['lastMessages'],
      ],
      ['the first one bad', [{ ...hi, size: -1 }, hi], [hi], ['lastMessages']],
      ['hex that is not hex', [{ dir: 'in', at: 1, kind: 'binary', size: 1, hex: 'zz' }], [], ['lastMessages']],
      ['no list at all', { 0: hi }, undefined, ['lastMessages']],
      ['null', null, undefined, ['lastMessages']],
      ['past the number kept', many, many.slice(0, IMPORT_LIMITS.lastMessages), ['lastMessages']],
    ])('%s', (_, lastMessages, want, cut) => {
      const res = parseRecording(mutated((r) => (r.connections[0]!.lastMessages = lastMessages)));
      expect(res).toMatchObject({ ok: true });
      if (!res.ok) return;
      expect(res.leftOut).toBeUndefined();
      expect(res.recording.connections.map((c) => c.id)).toEqual(['a', 'b']);
      const c = res.recording.connections[0]!;
      expect(c.lastMessages).toEqual(want);
      expect(c.truncated).toEqual(cut);
      // The rest of the connection is read as it was written.
      expect({ ...c, lastMessages: undefined, truncated: undefined }).toEqual({
        ...good().connections[0]!,
        lastMessages: undefined,
        truncated: undefined,
      });
    });

    it('adds to the fields already cut, once, and never past their bound', () => {
      const read = (truncated: string[]) =>
        parseRecording(
          mutated((r) => {
            r.connections[0]!.lastMessages = [{ ...hi, size: 'x' }];
            r.connections[0]!.truncated = truncated;
          }),
        );
      const cutOf = (res: ReturnType<typeof parseRecording>) => res.ok && res.recording.connections[0]!.truncated;
      expect(cutOf(read(['url']))).toEqual(['url', 'lastMessages']);
      expect(cutOf(read(['lastMessages']))).toEqual(['lastMessages']);
      const full = Array.from({ length: IMPORT_LIMITS.truncatedFields }, (_, i) => `f${i}`);
      expect(cutOf(read(full))).toEqual(full);
    });
  });

  it('reads back a WebSocketStream the page closed, whose close() call has no readyState (-1), as exported', () => {
    const stream = conn({ id: 's', code: 1005, pageClosed: true });
    stream.api = 'WebSocketStream';
    stream.events = stream.events.map((e) => (e.type === 'close-call' ? { ...e, readyState: -1 } : e));
    const rec = recordingOf([stream, conn({ id: 'a', code: 1000 })], { exportedAt: 5 });
    expect(parseRecording(JSON.stringify(rec))).toEqual({ ok: true, recording: rec });
    const below = JSON.parse(JSON.stringify(rec)) as Recording;
    (below.connections[0]!.events[1] as { readyState: number }).readyState = -2;
    const res = parseRecording(JSON.stringify(below));
    expect(res.ok && res.recording.connections.map((c) => c.id)).toEqual(['a']);
  });

  it('reads a file written before unreadable stored connections were counted as none, and keeps a count', () => {
    const older = parseRecording(mutated((r) => delete (r.dropped as Record<string, unknown>).connectionsUnreadable));
    expect(older).toEqual({ ok: true, recording: good() });
    const counted = parseRecording(mutated((r) => ((r.dropped as Record<string, unknown>).connectionsUnreadable = 4)));
    expect(counted.ok && counted.recording.dropped.connectionsUnreadable).toBe(4);
    const bad = parseRecording(mutated((r) => ((r.dropped as Record<string, unknown>).connectionsUnreadable = -1)));
    expect(bad.ok).toBe(false);
  });

  it('drops an own "__proto__" key at any level without touching any prototype', () => {
    const text = JSON.stringify(good())
      .replace('{"format"', '{"__proto__":{"polluted":1},"format"')
      .replace('"events":[{', '"events":[{"__proto__":{"polluted":1},');
    const res = parseRecording(text);
    expect(res).toEqual({ ok: true, recording: good() });
    const rec = res.ok ? res.recording : good();
    for (const o of [rec, rec.connections[0]!.events[0]!]) {
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      expect(Object.keys(o)).not.toContain('__proto__');
      expect((o as { polluted?: unknown }).polluted).toBeUndefined();
    }
  });

  it('sorts connections by creation time', () => {
    const text = JSON.stringify(recordingOf([conn({ id: 'late', at: 20 }), conn({ id: 'early', at: 10 })]));
    const res = parseRecording(text);
    expect(res.ok && res.recording.connections.map((c) => c.id)).toEqual(['early', 'late']);
  });

  it.each([
    ['malformed JSON', '{"format":', 'panel_import_err_json', undefined],
    ['a JSON array', '[]', 'panel_import_err_object', ['$']],
    [
      'wrong format tag',
      mutated((r) => {
        r.format = 'har';
      }),
      'panel_import_err_format',
      ['closeline-recording'],
    ],
    [
      'wrong version',
      mutated((r) => {
        r.version = 2;
      }),
      'panel_import_err_version',
      ['2', '1'],
    ],
    [
      // Shown as written: "version 1; this version reads version 1" told the user nothing.
      'the version as text',
      mutated((r) => {
        r.version = '1';
      }),
      'panel_import_err_version',
      ['"1"', '1'],
    ],
    [
      'a version of absurd length, cut',
      mutated((r) => {
        r.version = 'v'.repeat(1000);
      }),
      'panel_import_err_version',
      [`"${'v'.repeat(39)}…`, '1'],
    ],
    [
      'no version',
      mutated((r) => {
        delete r.version;
      }),
      'panel_import_err_version',
      ['undefined', '1'],
    ],
    [
      'missing tabId',
      mutated((r) => {
        delete r.tabId;
      }),
      'panel_import_err_integer',
      ['$.tabId', '-1', String(Number.MAX_SAFE_INTEGER)],
    ],
    [
      'string startedAt',
      mutated((r) => {
        r.startedAt = 'yesterday';
      }),
      'panel_import_err_time',
      ['$.startedAt', '2100'],
    ],
    [
      'dropped missing',
      mutated((r) => {
        delete r.dropped;
      }),
      'panel_import_err_object',
      ['$.dropped'],
    ],
    [
      'connections not a list',
      mutated((r) => {
        r.connections = 'all' as never;
      }),
      'panel_import_err_array',
      ['$.connections'],
    ],
    [
      'marks not a list',
      mutated((r) => {
        r.marks = {};
      }),
      'panel_import_err_array',
      ['$.marks'],
    ],
    [
      // Nothing left to show: refused with the first connection's error, as a whole bad file always was.
      'a file none of whose connections can be read',
      mutated((r) => {
        for (const c of r.connections) c.api = 7;
      }),
      'panel_import_err_enum',
      ['$.connections[0].api', 'WebSocket, WebSocketStream'],
    ],
  ])('rejects %s', (_name, text, id, subs) => {
    const res = parseRecording(text);
    expect(res).toEqual({ ok: false, error: subs ? { id, subs } : { id } });
    // The panel shows the error through the catalog, which throws on unknown ids.
    expect(t(id, subs)).not.toMatch(/\$\d/);
  });

  // One bad entry costs that entry, not the file: the rest is shown, with what was left out and why.
  type Edit = (r: Record<string, unknown> & { connections: Record<string, unknown>[] }) => void;
  const events = (r: { connections: Record<string, unknown>[] }, i: number) =>
    r.connections[i]!.events as Record<string, unknown>[];
  it.each<[string, Edit, 'connections' | 'marks', string[], string, string[]]>([
    [
      'a close in year 33658',
      (r) => (events(r, 0)[2]!.at = 1e15),
      'connections',
      ['b'],
      'panel_import_err_time',
      ['$.connections[0].events[2].at', '2100'],
    ],
    [
      'a mark after 2100',
      (r) => ((r.marks as Record<string, unknown>[])[0]!.at = Date.UTC(2100, 0, 2)),
      'marks',
      ['a', 'b'],
      'panel_import_err_time',
      ['$.marks[0].at', '2100'],
    ],
    [
      'a negative counter',
      (r) => ((r.connections[0]!.counters as Record<string, number>).sentSize = -1),
      'connections',
      ['b'],
      'panel_import_err_integer',
      ['$.connections[0].counters.sentSize', '0', String(Number.MAX_SAFE_INTEGER)],
    ],
    [
      'a code out of range',
      (r) => (events(r, 0)[2]!.code = 70000),
      'connections',
      ['b'],
      'panel_import_err_integer',
      ['$.connections[0].events[2].code', '0', '65535'],
    ],
    [
      'an unknown event type',
      (r) => (events(r, 1)[0]!.type = 'boom'),
      'connections',
      ['a'],
      'panel_import_err_enum',
      ['$.connections[1].events[0].type', 'close-call, open, error, close, ended-with-document, stall, stall-end'],
    ],
    [
      'a wasClean that is not boolean',
      (r) => (events(r, 1)[1]!.wasClean = 'no'),
      'connections',
      ['a'],
      'panel_import_err_boolean',
      ['$.connections[1].events[1].wasClean'],
    ],
    [
      'protocols that are not a list',
      (r) => (r.connections[0]!.protocols = 'chat'),
      'connections',
      ['b'],
      'panel_import_err_array',
      ['$.connections[0].protocols'],
    ],
    [
      'a bad mark state',
      (r) => ((r.marks as Record<string, unknown>[])[0]!.state = 'asleep'),
      'marks',
      ['a', 'b'],
      'panel_import_err_enum',
      ['$.marks[0].state', 'visible, hidden, frozen, resumed, online, offline, pagehide'],
    ],
    [
      // Selection and linking key on ids: the first connection with an id keeps it.
      'a second connection with an id already taken',
      (r) => (r.connections[1]!.id = 'a'),
      'connections',
      ['a'],
      'panel_import_err_duplicate_id',
      ['a'],
    ],
    [
      // An event before its socket would make the socket its own reconnect (the analysis then never ended).
      'an event before its connection was made',
      (r) => {
        const c = r.connections[1] as { createdAt: number; events: { at: number }[] };
        c.events[c.events.length - 1]!.at = c.createdAt - 1;
      },
      'connections',
      ['a'],
      'panel_import_err_before_created',
      ['$.connections[1].events[1].at'],
    ],
    [
      'a non-string api',
      (r) => (r.connections[0]!.api = 7),
      'connections',
      ['b'],
      'panel_import_err_enum',
      ['$.connections[0].api', 'WebSocket, WebSocketStream'],
    ],
  ])('leaves out an entry with %s, and names it', (_name, edit, list, ids, id, subs) => {
    const res = parseRecording(mutated(edit));
    if (!res.ok) throw new Error(`refused: ${res.error.id}`);
    expect(res.recording.connections.map((c) => c.id)).toEqual(ids);
    expect(res.recording.marks).toHaveLength(list === 'marks' ? 0 : 1);
    expect(res.leftOut).toEqual({
      connections: list === 'connections' ? 1 : 0,
      marks: list === 'marks' ? 1 : 0,
      first: { id, subs },
    });
    expect(t(id, subs)).not.toMatch(/\$\d/);
  });

  it('counts every entry left out, names the first, and keeps the rest whole and in order', () => {
    const text = mutated((r) => {
      const more = good().connections.map((c, i) => ({ ...c, id: `c${i}`, createdAt: c.createdAt - 5 }));
      r.connections.push(...(JSON.parse(JSON.stringify(more)) as Record<string, unknown>[]));
      r.connections[0]!.url = 42;
      r.connections[3]!.id = 'b'; // taken by connections[1]
      (r.marks as Record<string, unknown>[]).push({ type: 'navigation' }, { ...(r.marks as object[])[0] });
    });
    const res = parseRecording(text);
    if (!res.ok) throw new Error(`refused: ${res.error.id}`);
    expect(res.leftOut).toEqual({
      connections: 2,
      marks: 1,
      first: { id: 'panel_import_err_string', subs: ['$.connections[0].url'] },
    });
    expect(res.recording.connections.map((c) => c.id)).toEqual(['c0', 'b']);
    expect(res.recording.marks).toEqual([good().marks[0], good().marks[0]]);
  });

  // A counted bound is a plural family's count: it comes first, the path after it.
  it.each([
    [
      'url too long',
      mutated((r) => {
        r.connections[0]!.url = 'x'.repeat(65_537);
      }),
      'panel_import_err_too_long',
      ['65536', '$.connections[0].url'],
      'Invalid recording: $.connections[0].url is longer than 65536 characters.',
    ],
    [
      'too many subprotocols',
      mutated((r) => {
        r.connections[0]!.protocols = Array.from({ length: 65 }, (_, i) => `p${i}`);
      }),
      'panel_import_err_too_many',
      ['64', '$.connections[0].protocols'],
      'Invalid recording: $.connections[0].protocols has more than 64 entries.',
    ],
  ])('leaves out a connection with %s, counting the bound', (_name, text, id, subs, english) => {
    const res = parseRecording(text);
    if (!res.ok) throw new Error(`refused: ${res.error.id}`);
    expect(res.leftOut?.first).toEqual({ id, subs, plural: true });
    expect(tText(res.leftOut!.first)).toBe(english);
  });

  it('refuses a file with more connections than the bound, without reading them one by one', () => {
    const res = parseRecording(mutated((r) => (r.connections.length = IMPORT_LIMITS.connections + 1)));
    expect(res).toEqual({
      ok: false,
      error: {
        id: 'panel_import_err_too_many',
        subs: [String(IMPORT_LIMITS.connections), '$.connections'],
        plural: true,
      },
    });
  });

  it('accepts an event in the very millisecond its connection was made', () => {
    const text = mutated((r) => {
      const c = r.connections[1] as { createdAt: number; events: { at: number }[] };
      for (const e of c.events) e.at = c.createdAt;
    });
    expect(parseRecording(text).ok).toBe(true);
  });

  it('rejects a file over the size limit without parsing it', () => {
    const res = parseRecording(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(res).toEqual({ ok: false, error: { id: 'panel_import_err_too_large', subs: ['50'] } });
  });

  it('never throws, even on absurd nesting', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(() => parseRecording(deep)).not.toThrow();
    expect(parseRecording(deep).ok).toBe(false);
  });
});
