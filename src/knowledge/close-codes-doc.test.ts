// The generator for docs/close-codes.md: fails when the committed page differs
// from the data; UPDATE_DOCS=1 rewrites it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../i18n/translate';
import { allComparisons, allEntries } from './index';
import { renderCloseCodesDoc } from './render-doc';

const docPath = join(import.meta.dirname, '../../docs/close-codes.md');
const rendered = renderCloseCodesDoc((id) => t(id));

describe('docs/close-codes.md', () => {
  it('matches the knowledge data (run with UPDATE_DOCS=1 to regenerate)', () => {
    if (process.env.UPDATE_DOCS === '1') writeFileSync(docPath, rendered);
    expect(readFileSync(docPath, 'utf8')).toBe(rendered);
  });

  it.each(allEntries().map((e) => [e.protocol, e.code, e] as const))(
    'documents %s %i with its name and source',
    (_p, code, e) => {
      expect(rendered).toContain(`### ${code} ${t(e.nameId)}`);
      expect(rendered).toContain(e.source.url);
    },
  );

  it.each(allComparisons().map((c) => [c.id, c] as const))('documents comparison %s', (_id, c) => {
    expect(rendered).toContain(`### ${t(c.titleId)}`);
  });
});
