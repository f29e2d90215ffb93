import { describe, expect, it } from 'vitest';
import { documentUrls, movedPage } from './moved-page';
import { connectionOf, recordingOf } from '../../test-support/recordings';

describe('the page a socket was made on, where the single-page app had moved', () => {
  const docs = documentUrls(
    recordingOf(
      [],
      [
        { type: 'navigation', at: 1, frameId: 0, documentId: 'doc-1', url: 'https://app.example/login' },
        { type: 'lifecycle', at: 2, frameId: 0, documentId: 'doc-1', state: 'hidden' },
      ],
    ),
  );
  it.each([
    ['named after a route change', { frameUrl: 'https://app.example/chat' }, 'https://app.example/chat'],
    ["not named on the document's own address", { frameUrl: 'https://app.example/login' }, undefined],
    ['not named for a frame (its frame row names it)', { frameId: 2, frameUrl: 'https://app.example/x' }, undefined],
    [
      'not named when the document has no mark (its start was evicted)',
      { documentId: 'doc-9', frameUrl: 'https://app.example/x' },
      undefined,
    ],
  ])('%s', (_, o, page) => {
    expect(movedPage(connectionOf({ id: 'c1', documentId: 'doc-1', ...o }), docs)).toBe(page);
  });
  it('has no addresses for no recording', () => {
    expect(documentUrls(null).size).toBe(0);
  });
});
