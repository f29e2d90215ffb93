import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { endpointFilters, outageRules } = await import('./outage');

describe('the outage rules', () => {
  it('match a handshake under the address each browser gives it: ws(s):// in Chromium, http(s):// in Firefox', () => {
    expect(endpointFilters('ws://127.0.0.1:8080/live?x=1')).toEqual([
      '^ws://127\\.0\\.0\\.1:8080/live(\\?.*)?$',
      '^http://127\\.0\\.0\\.1:8080/live(\\?.*)?$',
    ]);
    expect(endpointFilters('wss://api.example.com/socket')).toEqual([
      '^wss://api\\.example\\.com/socket(\\?.*)?$',
      '^https://api\\.example\\.com/socket(\\?.*)?$',
    ]);
    expect(endpointFilters('ws://[::1]:9/')).toEqual(['^ws://\\[::1\\]:9/(\\?.*)?$', '^http://\\[::1\\]:9/(\\?.*)?$']);
  });

  it('match the endpoint with any query, and no other path (one under it, or one it begins)', () => {
    const [ws, http] = endpointFilters('ws://h:1/ws?token=a').map((f) => new RegExp(f));
    for (const u of ['ws://h:1/ws', 'ws://h:1/ws?token=b']) expect(ws!.test(u), u).toBe(true);
    expect(http!.test('http://h:1/ws?x')).toBe(true);
    for (const u of ['ws://h:1/ws/notifications', 'ws://h:1/ws/', 'ws://h:1/wss', 'ws://h:1/ws.v2', 'wss://h:1/ws']) {
      expect(ws!.test(u), u).toBe(false);
    }
    // A path's own special characters are matched as they are.
    const [odd] = endpointFilters('ws://h/a.b+(c)').map((f) => new RegExp(f));
    expect(odd!.test('ws://h/a.b+(c)')).toBe(true);
    expect(odd!.test('ws://h/axbb(c)')).toBe(false);
  });

  it("match a SockJS session's endpoint with any session ids, as the analysis and the reconnect check name it", () => {
    const [ws, http] = endpointFilters('ws://h:1/stomp/123/a1b2c3d4/websocket').map((f) => new RegExp(f));
    // The page's next session draws new ids: it is the same endpoint, refused during the outage.
    for (const u of ['ws://h:1/stomp/123/a1b2c3d4/websocket', 'ws://h:1/stomp/907/zz9_x/websocket?t=1'])
      expect(ws!.test(u), u).toBe(true);
    expect(http!.test('http://h:1/stomp/907/zz9_x/websocket')).toBe(true);
    for (const u of [
      'ws://h:1/stomp/websocket',
      'ws://h:1/other/123/a1b2c3d4/websocket',
      'ws://h:1/stomp/12/a1b2c3d4/websocket',
      'ws://h:1/stomp/123/a.b/websocket',
      'ws://h:1/stomp/123/a1/websocket/x',
    ])
      expect(ws!.test(u), u).toBe(false);
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
