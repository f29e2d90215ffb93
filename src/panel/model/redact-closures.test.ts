import { describe, expect, it } from 'vitest';
import { createClosureRedactor } from './redact-closures';
import { conn, recordingOf } from '../fixtures/recording';
import { fakeAnalysis } from '../fixtures/analysis';

const TOKEN = 'k0123456789abcdefghijk';
const rec = recordingOf([
  conn({ id: 'a', code: 1008, reason: `bad key ${TOKEN}` }),
  conn({ id: 'b', code: 1012, reason: 'deploy' }),
  conn({ id: 'c', code: 1006 }),
]);

describe('the closures a view shows, with their reasons redacted', () => {
  it('redacts a token in a reason and keeps every other closure, and an analysis without one, as it was', () => {
    const analysis = fakeAnalysis(rec);
    const out = createClosureRedactor()(analysis, true);
    expect(out.closures.map((c) => c.reason)).toEqual(['bad key REDACTED', 'deploy', '']);
    expect(out.closures[1]).toBe(analysis.closures[1]);
    expect(out.closures[2]).toBe(analysis.closures[2]);
    expect(analysis.closures[0]!.reason).toBe(`bad key ${TOKEN}`);
    const clean = fakeAnalysis(recordingOf([conn({ id: 'b', code: 1012, reason: 'deploy' })]));
    expect(createClosureRedactor()(clean, true)).toBe(clean);
  });

  it("keeps a live recording's redacted closure for its next version; an imported file's is not kept", () => {
    const analysis = fakeAnalysis(rec);
    const live = createClosureRedactor();
    const first = live(analysis, true).closures[0];
    expect(live({ ...analysis }, true).closures[0]).toBe(first);
    const file = createClosureRedactor();
    const once = file(analysis, false).closures[0];
    expect(file(analysis, false).closures[0]).not.toBe(once);
    expect(file(analysis, false).closures[0]).toEqual(once);
  });
});
