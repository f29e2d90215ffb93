// Every Arabic message, not only the knowledge base's: a code-like Latin token keeps its own
// punctuation on its side in right-to-left text ("close()", not "()close").
import { expect, it } from 'vitest';
import { detachedLtrTokens } from './bidi';
import { localeCatalog } from '../test-support/locale-catalog';

it('no Arabic message shows a code token with its punctuation on the wrong side', () => {
  const ar = localeCatalog('ar');
  const broken = Object.entries(ar).flatMap(([id, entry]) =>
    detachedLtrTokens(entry.message).map((token) => `${id}: ${token}`),
  );
  expect(broken).toEqual([]);
});
