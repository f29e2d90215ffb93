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
});
