/** The doc renderer: every row the suite wrote shows up with its facts, failures marked. */
import { describe, expect, it } from 'vitest';
import { renderDoc } from './render-doc';
import type { LibraryResults, ScenarioResult } from './results';

const row = (over: Partial<ScenarioResult>): ScenarioResult => ({
  config: 'default',
  code: 1013,
  refusals: 3,
  refused: { with: 3, without: 3 },
  attempts: { with: 4, without: 4 },
  scheduledS: [1, 1.3, 1.69, 2.197],
  delaysS: [1.07, 1.4, 1.8, 2.4],
  networkDelaysS: { with: [1.08, 1.41, 1.8, 2.41], without: [1.1, 1.4, 1.82, 2.4] },
  modelRanges: [
    [1, 5],
    [1.3, 1.4],
    [1.69, 1.8],
    [2.2, 2.4],
  ],
  modelSummary: 'random start 1–5 s, ×1.3',
  echoes: { with: 6, without: 6 },
  verdict: { level: 'fits', rule: 'overload.fits' },
  durationMs: 9000,
  passed: true,
  ...over,
});

const lib = (rows: ScenarioResult[]): LibraryResults => ({
  library: 'reconnecting-websocket',
  version: '4.4.0',
  seed: 42,
  fileMs: 31_500,
  rows,
  complete: rows.every((r) => r.passed),
});

describe('renderDoc', () => {
  const doc = renderDoc(
    [
      lib([
        row({}),
        row({
          code: 1008,
          refusals: 0,
          refused: { with: 0, without: 0 },
          attempts: { with: 0, without: 0 },
          scheduledS: [],
          delaysS: [],
          networkDelaysS: { with: [], without: [] },
          modelRanges: [],
          verdict: { level: 'pending', rule: 'terminal.pending' },
          projected: { level: 'fits', rule: 'terminal.no-retry' },
        }),
        row({ code: 1006, refused: { with: 1, without: 1 }, passed: false }),
      ]),
    ],
    42,
  );
  const lines = doc.split('\n');

  it.each([
    [
      'the delays and ranges of a backoff run',
      '| reconnecting-websocket 4.4.0 | default | close 1013, then up to 3 handshakes refused (503) | 1.00, 1.30, 1.69, 2.20 | 1.07, 1.40, 1.80, 2.40 | 1.00–5.00, 1.30–1.40, 1.69–1.80, 2.20–2.40 | fits `overload.fits` | 4/4 attempts, 6/6 echoes, wall-clock Δd ≤ 0.02 s | pass |',
    ],
    [
      'a pending wait with its verdict after 60 s',
      '| reconnecting-websocket 4.4.0 | default | close 1008 | — | — | — | pending `terminal.pending` → after 60 s of silence: fits `terminal.no-retry` | 0/0 attempts, 6/6 echoes, wall-clock Δd ≤ 0.00 s | pass |',
    ],
    [
      'a client that gave up early, and a failed check',
      '| reconnecting-websocket 4.4.0 | default | TCP dropped (1006), then up to 3 handshakes refused (503) (the client gave up after 1) | 1.00, 1.30, 1.69, 2.20 | 1.07, 1.40, 1.80, 2.40 | 1.00–5.00, 1.30–1.40, 1.69–1.80, 2.20–2.40 | fits `overload.fits` | 4/4 attempts, 6/6 echoes, wall-clock Δd ≤ 0.02 s | **FAIL** |',
    ],
    ['the runtime and shift per file', '| reconnecting-websocket | 31.5 s | 8 | -0.005 s | -0.005 s | 0 / 0 |'],
    ['the model per configuration', '| reconnecting-websocket | default | random start 1–5 s, ×1.3 |'],
  ])('shows %s', (_what, line) => {
    expect(lines).toContain(line);
  });

  it('says how to regenerate and replay the run, and carries no date (a rewrite changes only what was measured)', () => {
    expect(doc).toContain('passing run with seed 42');
    expect(doc).toContain('`npm run conformance:doc`');
    expect(doc).toContain('`CONFORMANCE_SEED=42 npm run test:conformance`');
    expect(doc).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
