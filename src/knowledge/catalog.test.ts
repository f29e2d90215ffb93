// Every text the knowledge base points at must exist in the real catalog and say something.
import { describe, expect, it } from 'vitest';
import catalog from '../../public/_locales/en/messages.json';
import { t } from '../i18n/translate';
import {
  ALL_ADVICE,
  ALL_CATEGORIES,
  adviceLabelId,
  allComparisons,
  allEntries,
  allRanges,
  categoryLabelId,
  protocolLabelId,
} from './index';

const messages = catalog as Record<string, { message: string }>;

const entryIds = allEntries().flatMap((e) =>
  [e.nameId, e.meaningId, e.whenId, e.fixId, e.reconnectId, e.source.labelId].map(
    (id) => [`${e.protocol} ${e.code}`, id] as const,
  ),
);
const rangeIds = allRanges().flatMap((r) =>
  [r.nameId, r.meaningId, r.source.labelId].map((id) => [`range ${r.from}-${r.to}`, id] as const),
);
const comparisonIds = allComparisons().flatMap((c) =>
  [c.titleId, ...c.differenceIds, ...c.useWhenIds].map((id) => [`comparison ${c.id}`, id] as const),
);
const labelIds = [
  ...new Set(allEntries().map((e) => protocolLabelId(e.protocol))),
  ...ALL_CATEGORIES.map(categoryLabelId),
  ...ALL_ADVICE.map(adviceLabelId),
].map((id) => ['label', id] as const);

describe('knowledge message ids', () => {
  it.each([...entryIds, ...rangeIds, ...comparisonIds, ...labelIds])(
    '%s: %s is in the catalog and not empty',
    (_owner, id) => {
      expect(messages[id]?.message.trim().length ?? 0).toBeGreaterThan(0);
      // The test translator throws on unknown ids, as the panel's would show a raw id.
      expect(t(id)).toBe(messages[id]?.message);
    },
  );

  it('gives every code its own name, meaning, when and fix text (no copy-paste across codes)', () => {
    for (const field of ['nameId', 'meaningId', 'whenId', 'fixId'] as const) {
      const ids = allEntries().map((e) => e[field]);
      expect(new Set(ids).size, field).toBe(ids.length);
    }
  });

  it.each(allEntries().map((e) => [e.protocol, e.code, e.source.url] as const))(
    '%s %i cites a public https source',
    (_p, _c, url) => {
      expect(url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
    },
  );
});
