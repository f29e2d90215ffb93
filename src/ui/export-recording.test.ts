import { describe, expect, it } from 'vitest';
import { exportFileName, exportText } from './export-recording';
import { conn, recordingOf } from '../fixtures/recording';
import { parseRecording } from '../../protocol/validate-recording';

const NOW = new Date(2024, 4, 9, 12).getTime();

describe('exportFileName', () => {
  it.each([
    ['top frame host', recordingOf([conn({ id: 'a', frameUrl: 'https://app.example:8443/x?y=1', url: 'wss://rt.example/ws' })]), 'closeline-app.example-2024-05-09.json'],
    ['sub frame only: socket host', recordingOf([conn({ id: 'a', frameId: 3, url: 'wss://rt.example/ws' })]), 'closeline-rt.example-2024-05-09.json'],
    ['nothing recorded: tab id', recordingOf([]), 'closeline-tab7-2024-05-09.json'],
    ['IPv6 host', recordingOf([conn({ id: 'a', frameUrl: 'http://[::1]:3000/' })]), 'closeline-___1_-2024-05-09.json'],
  ])('%s', (_name, rec, want) => {
    expect(exportFileName(rec, NOW)).toBe(want);
  });
});

describe('exportText', () => {
  const rec = recordingOf([conn({ id: 'a', url: 'wss://rt.example/ws?token=s3cret', frameUrl: 'https://app.example/?sid=42' })]);

  it.each([
    [true, 'wss://rt.example/ws?token=REDACTED', 'https://app.example/?sid=REDACTED'],
    [false, 'wss://rt.example/ws?token=s3cret', 'https://app.example/?sid=42'],
  ])('redactQuery %s', (redact, url, frameUrl) => {
    const parsed = JSON.parse(exportText(rec, redact, NOW));
    expect(parsed.connections[0].url).toBe(url);
    expect(parsed.connections[0].frameUrl).toBe(frameUrl);
    expect(parsed.exportedAt).toBe(NOW);
  });

  it('round-trips through the import validator', () => {
    const res = parseRecording(exportText(rec, false, NOW));
    expect(res).toEqual({ ok: true, recording: { ...rec, exportedAt: NOW } });
  });
});
