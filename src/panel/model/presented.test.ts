import { beforeAll, describe, expect, it } from 'vitest';
import { presentRecording } from '../../analysis/present';
import { conn, recordingOf, T0 } from '../fixtures/recording';
import { testServices, verdict } from '../fixtures/analysis';
import { installTestMessages } from '../fixtures/messages';
import { buildModel } from '../timeline/layout';
import { presentedRecording } from './presented';
import { buildRows } from './rows';

beforeAll(() => installTestMessages());

const services = testServices({ verdicts: { a: verdict('problem') } });
const rec = recordingOf([
  conn({ id: 'a', url: 'wss://a.example/ws?t=1', code: 4004, protocols: ['graphql-transport-ws'] }),
  conn({ id: 'b', url: 'wss://b.example/live', code: 1012 }),
  conn({ id: 'open', at: T0 + 5 }),
]);
const analysis = services.analyze(rec, { profileId: 'default', now: T0 });
// The same analysis shown over another recording (the panel shows a redacted copy): new URLs, one more socket.
const other = recordingOf([
  ...rec.connections.map((c) => ({ ...c, url: c.url.replace('.example', '.test') })),
  conn({ id: 'late', url: 'wss://late.example/', at: T0 + 9 }),
]);

describe('presentedRecording', () => {
  it.each([
    ['an analysis', rec, analysis],
    ['no analysis', rec, null],
    ['the same analysis over another recording', other, analysis],
  ] as const)('%s: the uncached presentation, made once', (_name, recording, a) => {
    const first = presentedRecording(recording, a);
    expect(first).toEqual(presentRecording(recording, a));
    expect(presentedRecording(recording, a)).toBe(first);
  });

  it('is never the answer for another recording of the same analysis', () => {
    const forRec = presentedRecording(rec, analysis);
    const forOther = presentedRecording(other, analysis);
    expect(forOther).not.toBe(forRec);
    expect(forOther.get('a')?.endpoint).toBe('wss://a.test/ws');
    expect([...forOther.keys()]).toContain('late');
    expect(presentedRecording(rec, analysis).get('a')?.endpoint).toBe('wss://a.example/ws');
  });

  it('gives the rows and the timeline the same presentations of one pass', () => {
    const rows = buildRows(rec, analysis);
    const bars = buildModel(rec, analysis).bars;
    const presented = presentedRecording(rec, analysis);
    for (const r of rows) {
      if (r.kind !== 'closure') continue;
      const p = presented.get(r.id)!.closure!;
      expect(r.nameIds).toBe(p.nameIds);
      expect(bars.find((b) => b.id === r.id)?.codeNames?.nameIds).toBe(p.nameIds);
      expect(r.level).toBe(p.level);
    }
  });

  it('keeps the presentation of a connection across analyses while its closure and verdict stay, else makes it anew', () => {
    const first = presentedRecording(rec, analysis);
    const again = services.analyze(rec, { profileId: 'default', now: T0 });
    // A new analysis object with the same closure and verdict objects for 'b' and the open socket.
    const same = { ...again, closures: analysis.closures, verdictByClosure: analysis.verdictByClosure };
    const second = presentedRecording(rec, same);
    expect(second).not.toBe(first);
    for (const id of ['a', 'b', 'open']) expect(second.get(id)).toBe(first.get(id));
    const changed = {
      ...same,
      verdictByClosure: { ...analysis.verdictByClosure, a: verdict('fits') },
    };
    const third = presentedRecording(rec, changed);
    expect(third.get('a')).not.toBe(first.get('a'));
    expect(third.get('a')?.closure?.verdict).toBe(changed.verdictByClosure.a);
    expect(third.get('b')).toBe(first.get('b'));
  });

  it('keeps nothing by connection for a one-shot analysis, nor takes what was kept', () => {
    // Fresh recordings, so nothing another test presented is in the module's cache.
    const fresh = recordingOf(rec.connections.map((c) => ({ ...c })));
    const a1 = services.analyze(fresh, { profileId: 'default', now: T0 });
    const once = presentedRecording(fresh, a1, false);
    expect(once).toEqual(presentRecording(fresh, a1));
    // Another analysis with the same closures and verdicts: a kept presentation would be reused here.
    const a2 = { ...a1 };
    const kept = presentedRecording(fresh, a2);
    for (const id of ['a', 'b', 'open']) expect(kept.get(id)).not.toBe(once.get(id));
    const a3 = { ...a1 };
    const notTaken = presentedRecording(fresh, a3, false);
    for (const id of ['a', 'b', 'open']) expect(notTaken.get(id)).not.toBe(kept.get(id));
    expect(presentedRecording(fresh, { ...a1 }).get('a')).toBe(kept.get('a'));
  });

  it('makes anew the presentation of a connection that ended after the analysis, from its own facts', () => {
    const ended = recordingOf([conn({ id: 'x', code: 1012 })]);
    const none = { ...services.analyze(recordingOf([]), { profileId: 'default', now: T0 }) };
    const p1 = presentedRecording(ended, none).get('x');
    const p2 = presentedRecording(ended, { ...none }).get('x');
    expect(p1?.closure?.code).toBe(1012);
    expect(p2).toEqual(p1);
    expect(p2).not.toBe(p1);
  });
});
