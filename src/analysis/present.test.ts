import { describe, expect, it } from 'vitest';
import { analyzeRecording } from '.';
import { emptyDropped, type Connection } from '../protocol/recording';
import {
  droppedLabelId,
  droppedLabels,
  outcomeOf,
  presentCode,
  presentConnection,
  presentRecording,
  problemKindOf,
  DROPPED_FIELDS,
} from './present';
import { conn, recordingOf, T0 } from './test-fixtures';
import type { Closure, Verdict } from './types';

const GQL = 'graphql-transport-ws';
const PLAIN = 'wss://api.example.com/live';

/** A socket that asked for graphql-ws; `negotiated` is what the server agreed to in its open event. */
function asked(negotiated: string, code: number): Connection {
  const c = conn({ id: 'c', createdAt: T0, url: PLAIN, protocols: [GQL], openAfter: 10, closeAfter: 500, code });
  for (const e of c.events) if (e.type === 'open') e.protocol = negotiated;
  return c;
}

describe('code context: the subprotocol counts once the open event says it was negotiated', () => {
  it.each([
    ['negotiated', GQL, 4400, 'known', GQL],
    ['only requested', '', 4400, 'ambiguous', undefined],
  ])('%s: 4400 is %s', (_, negotiated, code, kind, protocol) => {
    const p = presentConnection(asked(negotiated, code), undefined);
    expect(p.closure?.lookup.kind).toBe(kind);
    expect(p.closure?.context.protocol).toBe(protocol);
  });
});

describe('presentCode', () => {
  it.each([
    [1000, {}, 'known', ['normal']],
    [1012, {}, 'known', ['restart']],
    [1006, {}, 'known', ['abnormal']],
    [4999, {}, 'range', ['application']],
    [2500, {}, 'range', ['reserved']],
  ] as const)('%i in %j: %s, categories %j', (code, ctx, kind, categories) => {
    const p = presentCode(code, ctx);
    expect(p.lookup.kind).toBe(kind);
    expect(p.categories).toEqual(categories);
    expect(p.categoryLabelIds).toEqual(categories.map((c) => `code_cat_${c.replace(/-/g, '_')}`));
    expect(p.nameIds.length).toBe(1);
  });

  it('an ambiguous code names every candidate once', () => {
    const p = presentCode(4004, { url: PLAIN });
    expect(p.lookup.kind).toBe('ambiguous');
    expect(new Set(p.nameIds).size).toBe(p.nameIds.length);
    expect(p.nameIds.length).toBeGreaterThan(0);
  });
});

describe('outcome and who closed', () => {
  const closure = (initiator: Closure['initiator'], code: number): Closure => ({
    connectionId: 'c',
    code,
    reason: '',
    wasClean: code !== 1006,
    closedAt: T0,
    initiator,
    inferred: false,
    simulated: false,
  });
  it.each([
    ['page', 1000, 'page'],
    ['document', 1001, 'document'],
    ['network-dropped', 1006, 'abnormal'],
    ['network-never-opened', 1006, 'abnormal'],
    ['server', 1000, 'clean'],
    ['server', 1006, 'abnormal'],
    ['unknown', 1011, 'clean'],
  ] as const)('%s with %i -> %s', (initiator, code, outcome) => {
    expect(outcomeOf(closure(initiator, code))).toBe(outcome);
  });

  it.each([
    // close() on an open socket: the page closed it.
    [1, 'page', 'page', 'panel_initiator_page'],
    // close() in the error handler of a refused handshake (already CLOSED): not the page's closure.
    [3, 'abnormal', 'network-never-opened', 'panel_initiator_network_never_opened'],
  ])(
    'without an analysis, a close() at readyState %i follows the classification: %s',
    (state, outcome, by, labelId) => {
      const c = conn({
        id: 'c',
        createdAt: T0,
        closeCallAfter: 20,
        closeCallState: state,
        closeAfter: 20,
        error: true,
        code: 1006,
      });
      const p = presentConnection(c, undefined);
      expect(p.outcome).toBe(outcome);
      expect(p.closure?.closure.initiator).toBe(by);
      expect(p.closure?.closedByLabelId).toBe(labelId);
    },
  );

  it('an open connection is open, with no closure', () => {
    expect(presentConnection(conn({ id: 'o', createdAt: T0, openAfter: 5 }), undefined)).toMatchObject({
      outcome: 'open',
    });
    expect(presentConnection(conn({ id: 'o', createdAt: T0, openAfter: 5 }), undefined).closure).toBeUndefined();
  });
});

describe('endpoint: one cut', () => {
  it.each([
    ['wss://API.Example.com/live?token=abc#x', 'wss://api.example.com/live', '/live'],
    ['ws://127.0.0.1:8080', 'ws://127.0.0.1:8080/', '/'],
    ['not a url?q', 'not a url', 'not a url'],
  ])('%s -> %s (path %s)', (url, endpoint, path) => {
    const p = presentConnection(conn({ id: 'c', createdAt: T0, url }), undefined);
    expect([p.endpoint, p.path]).toEqual([endpoint, path]);
  });
});

describe('verdict level and problem kind', () => {
  const verdict = (level: Verdict['level'], finding?: string): Verdict => ({
    level,
    rule: `x.${finding ?? ''}`,
    ...(finding && { finding }),
    text: { id: 'verdict_storm' },
    observedDelays: [],
    profileId: 'default',
  });
  it.each([
    ['problem', 'storm', 'storm'],
    ['problem', 'too-soon', 'too_soon'],
    ['problem', 'no-reconnect', 'no_reconnect'],
    ['problem', 'no-backoff', 'no_backoff'],
    ['problem', 'blind-retry', 'blind_retry'],
    ['problem', 'auto-reconnect', 'other'],
    ['problem', undefined, 'other'],
    ['advice', 'slow', undefined],
    ['fits', 'fits', undefined],
  ] as const)('%s / %s -> %s', (level, finding, kind) => {
    expect(problemKindOf(verdict(level, finding))).toBe(kind);
  });

  it('the analysis names the finding, and the model the level and its label', () => {
    // A 1012 retried after 0.1 s: too soon.
    const a = conn({ id: 'a', createdAt: T0, openAfter: 10, closeAfter: 1000, code: 1012 });
    const b = conn({ id: 'b', createdAt: T0 + 1100, openAfter: 10, closeAfter: 30_000, code: 1000 });
    const rec = recordingOf([a, b]);
    const analysis = analyzeRecording(rec, { now: T0 + 60_000 });
    const p = presentRecording(rec, analysis).get('a')?.closure;
    expect(p).toMatchObject({
      level: 'problem',
      levelLabelId: 'ui_verdict_problem',
      problemKind: 'too_soon',
      outcome: 'clean',
    });
    expect(presentRecording(rec, analysis).get('b')?.closure?.problemKind).toBeUndefined();
  });
});

describe('dropped labels', () => {
  it('lists non-zero counts in a fixed order, as catalog ids with the count', () => {
    const dropped = { ...emptyDropped(), fieldsTruncated: 2, connectionsEvicted: 5 };
    expect(droppedLabels(dropped)).toEqual([
      { field: 'connectionsEvicted', text: { id: 'dropped_connections_evicted', subs: ['5'], plural: true } },
      { field: 'fieldsTruncated', text: { id: 'dropped_fields_truncated', subs: ['2'], plural: true } },
    ]);
    expect(droppedLabels(emptyDropped())).toEqual([]);
  });
  it.each(DROPPED_FIELDS.map((f) => [f]))('%s has an id in the one scheme', (f) => {
    expect(droppedLabelId(f)).toMatch(/^dropped_[a-z_]+$/);
  });
});
