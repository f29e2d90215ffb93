import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { endpointFilters, outageRules } = await import('./outage');

describe('the outage rules', () => {
  it('match a handshake under the address each browser gives it: ws(s):// in Chromium, http(s):// in Firefox', () => {
    expect(endpointFilters('ws://127.0.0.1:8080/live?x=1')).toEqual([
      '|ws://127.0.0.1:8080/live^',
      '|http://127.0.0.1:8080/live^',
    ]);
    expect(endpointFilters('wss://api.example.com/socket')).toEqual([
      '|wss://api.example.com/socket^',
      '|https://api.example.com/socket^',
    ]);
    expect(endpointFilters('ws://[::1]:9/')).toEqual(['|ws://[::1]:9/^', '|http://[::1]:9/^']);
  });

  it('take two ids, both blocking WebSocket handshakes from the tab only', () => {
    const rules = outageRules(100_002, 7, 'wss://h/s');
    expect(rules.map((r) => r.id)).toEqual([100_002, 100_003]);
    for (const r of rules) {
      expect(r.action).toEqual({ type: 'block' });
      expect(r.condition).toMatchObject({ resourceTypes: ['websocket'], tabIds: [7] });
    }
  });
});
