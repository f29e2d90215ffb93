import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PageText, tNodes } from './PageText';
import { hasHidden, isolatePage, visibleControls } from './page-string';
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
    expect(hasHidden(container.textContent ?? '', 'auto')).toBe(false);
    expect(container.querySelectorAll('.bidi-control').length).toBeGreaterThan(0);
  });

  it.each([
    // A zero-width space and a soft hyphen in a forged file's host: "wss://pay.example" beside the real one.
    ['wss://pay\u200B.example/ws', 'wss://payU+200B.example/ws'],
    ['wss://pa\u00ADy.example', 'wss://paU+00ADy.example'],
    ['wss://a.example/\u2060x\uFEFF', 'wss://a.example/U+2060xU+FEFF'],
    // A tag character is astral: one badge for its two code units.
    ['wss://a\u{E0041}.example', 'wss://aU+E0041.example'],
    ['ws://a\u3164b\u2028c\u0007', 'ws://aU+3164bU+2028cU+0007'],
  ])('in technical text shows every character that shows nothing, %j', (text, shown) => {
    const { container } = render(<PageText text={text} />);
    expect(container.textContent).toBe(shown);
    expect(hasHidden(container.textContent ?? '')).toBe(false);
  });

  it.each([
    // Hindi spells some conjuncts with a zero-width joiner or non-joiner, emoji join with one: free text keeps them.
    ['\u0915\u094D\u200D\u0937 \u0930\u094D\u200C\u092F'],
    ['\u{1F469}\u200D\u{1F4BB} deploy'],
  ])('in free text keeps zero-width joiners and non-joiners, %j', (text) => {
    const { container } = render(<PageText text={text} dir="auto" />);
    expect(container.textContent).toBe(text);
    expect(container.querySelectorAll('.bidi-control')).toHaveLength(0);
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

describe('isolatePage (the plain-text rule)', () => {
  it.each([
    ['wss://a.example/ws', 'ltr', '\u2066wss://a.example/ws\u2069'],
    ['\u202Eoc.elgoog//:sptth', 'ltr', '\u2066[U+202E]oc.elgoog//:sptth\u2069'],
    // A page's own PDI cannot close the isolate early, nor its LRI open another.
    ['a\u2069b\u2066c', 'ltr', '\u2066a[U+2069]b[U+2066]c\u2069'],
    ['\u05e9\u05dc\u05d5\u05dd\u200F', 'auto', '\u2068\u05e9\u05dc\u05d5\u05dd[U+200F]\u2069'],
    ['wss://pay\u200B.example', 'ltr', '\u2066wss://pay[U+200B].example\u2069'],
    ['ok\u200D\u200C', 'auto', '\u2068ok\u200D\u200C\u2069'],
  ] as const)('%j (%s) → %j', (text, dir, want) => {
    expect(isolatePage(text, dir)).toBe(want);
    // Exactly one isolate: the wrapper's.
    expect(hasHidden(visibleControls(text), 'auto')).toBe(false);
  });
});
