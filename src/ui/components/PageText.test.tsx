import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PageText, hasBidiControls, tNodes } from './PageText';
import { installTestMessages } from '../../panel/fixtures/messages';

afterEach(cleanup);

describe('PageText', () => {
  it('isolates page text in a bdi with the given direction', () => {
    const { container } = render(<PageText text="wss://a.example/ws" />);
    const bdi = container.querySelector('bdi');
    expect(bdi?.getAttribute('dir')).toBe('ltr');
    expect(bdi?.textContent).toBe('wss://a.example/ws');
  });

  it.each([
    ['\u202Eoc.elgoog//:sptth', 'U+202Eoc.elgoog//:sptth'],
    ['a\u2066b\u2069c', 'aU+2066bU+2069c'],
    ['x\u200Fy\u061Cz', 'xU+200FyU+061Cz'],
  ])('shows bidi controls in %j as visible code points', (text, shown) => {
    const { container } = render(<PageText text={text} dir="auto" />);
    expect(container.textContent).toBe(shown);
    expect(hasBidiControls(container.textContent ?? '')).toBe(false);
    expect(container.querySelectorAll('.bidi-control').length).toBeGreaterThan(0);
  });

  it('fills a catalog message with nodes, keeping the translation around them', () => {
    installTestMessages();
    const { container } = render(
      <p>{tNodes('panel_detail_reason', [<PageText key="r" text={'\u202Eevil'} dir="auto" />])}</p>,
    );
    expect(container.querySelector('bdi')?.textContent).toBe('U+202Eevil');
    expect(container.textContent).not.toContain('\uE000');
  });
});
