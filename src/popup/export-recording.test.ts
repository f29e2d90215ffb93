import { describe, expect, it } from 'vitest';
import type { Recording } from '../protocol/recording';
import { exportFileName, exportJson } from './export-recording';
import { recordingOf, sock, T0 } from './test-fixtures';

describe('exportFileName', () => {
  it.each([
    ['app.example.com', 7, 'closeline-app.example.com-2023-11-14.json'],
    [undefined, 42, 'closeline-tab-42-2023-11-14.json'],
    ['Weird_Host', 1, 'closeline-weird-host-2023-11-14.json'],
  ])('%s (tab %i) -> %s', (host, tab, name) => {
    expect(exportFileName(host, tab, T0)).toBe(name);
  });
});

describe('exportJson', () => {
  const rec = recordingOf([sock({ id: 'a', at: T0, code: 1000, url: 'wss://x.example/ws?token=abc' })]);
  it.each([
    [true, 'wss://x.example/ws?token=REDACTED'],
    [false, 'wss://x.example/ws?token=abc'],
  ])('redactQuery %s keeps url %s and stamps exportedAt', (redact, url) => {
    const doc = JSON.parse(exportJson(rec, redact, T0 + 5)) as Recording;
    expect(doc.connections[0]?.url).toBe(url);
    expect(doc.exportedAt).toBe(T0 + 5);
    expect(doc.format).toBe('closeline-recording');
  });
});
