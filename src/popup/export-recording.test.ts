import { describe, expect, it, vi } from 'vitest';
import type { Recording } from '../protocol/recording';
import { downloadText, exportFileName, exportJson } from './export-recording';
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

describe('downloadText', () => {
  it('clicks a download link named after the file, holding the text', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:closeline/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    downloadText('closeline-x-2023-11-14.json', '{"a":1}');
    expect(clicked).toEqual([{ href: 'blob:closeline/1', download: 'closeline-x-2023-11-14.json', attached: true }]);
    expect(await blobs[0]?.text()).toBe('{"a":1}');
    expect(document.querySelector('a[download]')).toBeNull();
    await vi.waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:closeline/1'));
    create.mockRestore();
    revoke.mockRestore();
    click.mockRestore();
  });
});
