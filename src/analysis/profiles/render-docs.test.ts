import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import catalog from '../../../public/_locales/en/messages.json';
import { profiles } from './index';
import { renderRecommendations } from './render-docs';

// Node's path helpers: under happy-dom the global URL is the DOM's, which cannot make file paths.
const DOC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/recommendations.md');
const messages = catalog as Record<string, { message: string }>;
const english = (id: string) => {
  const m = messages[id];
  if (!m) throw new Error(`no message ${id}`);
  return m.message;
};

describe('docs/recommendations.md', () => {
  const rendered = renderRecommendations(profiles, english);

  it('is generated from the profile data (UPDATE_DOCS=1 rewrites it)', () => {
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, rendered);
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });

  it.each(profiles.map((p) => [p.id, p]))('names profile %s with its sources', (_id, p) => {
    expect(rendered).toContain(`(\`${p.id}\`)`);
    for (const s of p.sources) expect(rendered).toContain(s.url);
  });

  it('states the default thresholds from the data', () => {
    expect(rendered).toContain('5 or more attempts to one endpoint within any 2 s');
    expect(rendered).toContain('d1 < 1 s − 0.05 s');
    expect(rendered).toContain('d1 > 5 s + 0.05 s');
    expect(rendered).toContain('d1 < 0.5 s − 0.05 s');
    expect(rendered).toContain('some k ≥ 5 with E_k < 2 s − 0.05 s and every one of d_2 … d_k ≤ 1.5 · max(d1, 0.25 s)');
    expect(rendered).toContain('| `not-judged` | info |');
  });
});
