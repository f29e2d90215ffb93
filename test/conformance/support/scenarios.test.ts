/** Refusal counts follow from each library's model and the wait budget, not from a per-library table. */
import { describe, expect, it } from 'vitest';
import { LIBRARIES } from './libraries';
import { refusalsFor, SCENARIOS, worstCaseS, WAIT_BUDGET_S } from './scenarios';
import type { LibraryId } from './library-ids';

const s = (code: number) => SCENARIOS.find((x) => x.code === code)!;
const cfg = (id: LibraryId, i: number) => LIBRARIES[id].configs[i]!;

describe('refusalsFor', () => {
  it.each([
    ['reconnecting-websocket', 0, 1013, 3],
    ['reconnecting-websocket', 1, 1013, 6],
    ['socket.io-client', 0, 1006, 6],
    ['socket.io-client', 1, 1013, 5],
    ['sockette', 1, 1006, 6],
    ['graphql-ws', 0, 1013, 3],
    ['graphql-ws', 1, 1013, 0],
    ['sockette', 0, 1008, 0],
    ['@supabase/realtime-js', 0, 1013, 4],
    ['@supabase/realtime-js', 1, 1006, 6],
    ['y-websocket', 0, 1013, 6],
    ['y-websocket', 1, 1006, 6],
    ['partysocket', 0, 1013, 4],
    ['partysocket', 1, 1008, 0],
    ['@rails/actioncable', 0, 1013, 2],
    ['@rails/actioncable', 1, 1006, 4],
    ['mqtt', 0, 1013, 6],
    ['mqtt', 1, 1006, 5],
  ] as const)('%s config %i after %i refuses %i handshakes', (id, i, code, n) => {
    expect(refusalsFor(cfg(id, i).model, s(code))).toBe(n);
  });

  it.each(Object.values(LIBRARIES).flatMap((l) => l.configs.map((c) => [l.id, c.label, c] as const)))(
    '%s (%s): every refusal plan fits the wait budget',
    (_id, _label, c) => {
      for (const sc of SCENARIOS) {
        const r = refusalsFor(c.model, sc);
        if (r > 2) expect(worstCaseS(c.model, sc.code, r + 1)).toBeLessThanOrEqual(WAIT_BUDGET_S);
      }
    },
  );
});

describe('models', () => {
  it.each([
    ['reconnecting-websocket', 0, 1008, 3, [2], [2 * 1.69, 2 * 1.69]],
    ['socket.io-client', 0, 1013, 3, [], [2, 5]],
    ['socket.io-client', 1, 1013, 1, [], [1, 3]],
    ['graphql-ws', 0, 1013, 2, [], [2.3, 5]],
    ['sockette', 1, 1013, 4, [], [0.25, 0.25]],
    ['y-websocket', 0, 1013, 1, [], [0.2, 0.2]],
    ['y-websocket', 0, 1013, 5, [], [2.5, 2.5]],
    ['y-websocket', 1, 1006, 5, [], [3.2, 3.2]],
    ['partysocket', 0, 1012, 1, [], [3, 3]],
    ['partysocket', 0, 1013, 6, [], [10, 10]],
    ['@rails/actioncable', 0, 1012, 1, [], [6, 12]],
    ['@rails/actioncable', 0, 1013, 2, [], [6.9, 7.935]],
    ['@rails/actioncable', 0, 1006, 12, [], [6 * 1.15 ** 10, 6 * 1.15 ** 11]],
    ['@rails/actioncable', 1, 1012, 1, [], [3, 6]],
    ['mqtt', 0, 1013, 4, [], [1, 1]],
    ['mqtt', 1, 1006, 3, [], [5, 5]],
  ] as const)('%s config %i after %i: d%i range', (id, i, code, k, earlier, [lo, hi]) => {
    const [a, b] = cfg(id, i).model.range(code, k, earlier);
    expect(a).toBeCloseTo(lo, 6);
    expect(b).toBeCloseTo(hi, 6);
  });

  it.each([
    ['graphql-ws', 0, 1013, 3, { attempts: 1, accepted: false }],
    ['graphql-ws', 0, 1012, 0, { attempts: 1, accepted: true }],
    ['graphql-ws', 0, 1008, 0, { attempts: 0, accepted: false }],
    ['graphql-ws', 1, 1000, 0, { attempts: 1, accepted: true }],
    ['sockette', 0, 1000, 0, { attempts: 0, accepted: false }],
    ['reconnecting-websocket', 0, 1013, 3, { attempts: 4, accepted: true }],
    ['partysocket', 1, 1008, 0, { attempts: 0, accepted: false }],
    ['partysocket', 1, 1012, 0, { attempts: 1, accepted: true }],
    ['y-websocket', 0, 1008, 0, { attempts: 1, accepted: true }],
    ['@rails/actioncable', 0, 1008, 0, { attempts: 1, accepted: true }],
    ['@rails/actioncable', 1, 1013, 4, { attempts: 5, accepted: true }],
    ['mqtt', 0, 1000, 0, { attempts: 1, accepted: true }],
  ] as const)('%s config %i after %i with %i refusals: plan', (id, i, code, r, plan) => {
    expect(cfg(id, i).model.plan(code, r)).toEqual(plan);
  });
});
