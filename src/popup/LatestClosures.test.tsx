import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Closure, Verdict } from '../analysis/types';
import { LatestClosures } from './LatestClosures';
import { OpenNow } from './OpenNow';
import { sock, T0 } from './test-fixtures';

afterEach(cleanup);

const rlo = '\u202E';
const hostile = sock({ id: 'h', at: T0, code: 1013, url: `wss://a.example/${rlo}sj.txt` });
const closure: Closure = {
  connectionId: 'h',
  code: 1013,
  reason: '',
  wasClean: true,
  closedAt: T0 + 20,
  initiator: 'server',
  inferred: false,
  simulated: false,
};
const verdict: Verdict = {
  level: 'fits',
  rule: 'iana.moved',
  text: { id: 'verdict_iana_overload_moved', subs: ['1013', '2.00 s', `${rlo}elgoog.example`] },
  observedDelays: [2],
  profileId: 'default',
};
const bdis = (el: Element) => [...el.querySelectorAll('bdi')].map((b) => [b.getAttribute('dir'), b.textContent]);

describe('page strings in the popup', () => {
  it('isolates the URL, its tooltip and a moved-to host in the verdict sentence of a latest closure', () => {
    const { container } = render(
      <LatestClosures
        rows={[{ closure, verdict }]}
        connectionOf={() => hostile}
        nameOf={() => 'Try Again Later'}
        shownUrl={(u) => u}
      />,
    );
    expect(bdis(container)).toEqual([
      ['ltr', 'wss://a.example/U+202Esj.txt'],
      ['ltr', 'U+202Eelgoog.example'],
    ]);
    expect(container.querySelector('.url')?.getAttribute('title')).toBe('\u2066wss://a.example/[U+202E]sj.txt\u2069');
    expect(container.querySelector('.sentence')?.textContent).toContain('another server (U+202Eelgoog.example)');
    expect(container.textContent).not.toContain(rlo);
  });

  it('isolates an open connection URL and its tooltip', () => {
    const open = sock({ id: 'o', at: T0, url: `wss://a.example/${rlo}live` });
    const { container } = render(<OpenNow open={[open]} shownUrl={(u) => u} />);
    expect(bdis(container)).toEqual([['ltr', 'wss://a.example/U+202Elive']]);
    expect(container.querySelector('li.url')?.getAttribute('title')).toBe('\u2066wss://a.example/[U+202E]live\u2069');
  });
});

describe('a simulated closure in the popup', () => {
  it('is tagged as simulated, as in the panel, and a real one is not', () => {
    const row = (id: string, simulated: boolean) => ({ closure: { ...closure, connectionId: id, simulated }, verdict });
    const { container } = render(
      <LatestClosures
        rows={[row('sim', true), row('real', false)]}
        connectionOf={() => hostile}
        nameOf={() => 'Try Again Later'}
        shownUrl={(u) => u}
      />,
    );
    const tagOf = (id: string) => container.querySelector(`[data-connection="${id}"] .simulated`)?.textContent;
    expect(tagOf('sim')).toBe('simulated');
    expect(tagOf('real')).toBeUndefined();
  });
});
