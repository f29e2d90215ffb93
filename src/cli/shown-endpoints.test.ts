import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../audit/types';
import { withShownEndpoints } from './shown-endpoints';
import { renderedRow } from './test-rows';

const row = (endpoint: string): AuditRow => ({
  endpoint,
  scenario: '1012',
  outcome: 'recovered',
  level: 'fits',
  delaysS: [1.5],
});

describe('endpoints as the command line gives them out', () => {
  it.each([
    ['a user name (often a key)', 'wss://sk_live_123@h.example/live', 'wss://REDACTED@h.example/live'],
    ['a user name and a port', 'ws://key@127.0.0.1:9/live', 'ws://REDACTED@127.0.0.1:9/live'],
    ['none: unchanged', 'ws://127.0.0.1:9/live', 'ws://127.0.0.1:9/live'],
  ])('%s', (_, endpoint, shown) => {
    const out = withShownEndpoints({ endpoints: [endpoint], rows: [row(endpoint)] }, [renderedRow({ endpoint })]);
    expect(out.report.endpoints).toEqual([shown]);
    expect(out.report.rows.map((r) => r.endpoint)).toEqual([shown]);
    expect(out.rows.map((r) => r.endpoint)).toEqual([shown]);
  });
});
