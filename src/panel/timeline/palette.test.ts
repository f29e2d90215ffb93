import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssVarName, LIGHT_PALETTE, paletteFrom } from './palette';

// Read as a file: vitest does not process CSS (a ?raw import comes back empty).
const css = readFileSync(join(__dirname, 'timeline.css'), 'utf8');

/** Every palette entry as a dotted path: bg, outcome.open, code.protocol-error, ... */
function paths(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : paths(v as object, `${prefix}${k}.`),
  );
}

function declaredIn(selectorStart: string): Set<string> {
  const start = css.indexOf(selectorStart);
  const block = css.slice(css.indexOf('{', start), css.indexOf('}', start));
  return new Set([...block.matchAll(/(--tl-[a-z-]+):/g)].map((m) => m[1]!));
}

describe('palette ↔ timeline.css', () => {
  const light = declaredIn('.tl-root {');
  const dark = declaredIn("[data-theme='dark'] .tl-root");
  it.each(paths(LIGHT_PALETTE))('%s is defined for the light and the dark theme', (path) => {
    expect(light.has(cssVarName(path))).toBe(true);
    expect(dark.has(cssVarName(path))).toBe(true);
  });
  it.each([
    ['laneSeparator', '--tl-lane-separator'],
    ['outcome.open', '--tl-outcome-open'],
    ['code.protocol-error', '--tl-code-protocol-error'],
  ])('cssVarName(%s) = %s', (path, name) => {
    expect(cssVarName(path)).toBe(name);
  });
  it('reads the variables, falling back to the light defaults where one is missing', () => {
    const p = paletteFrom((name) =>
      name === '--tl-outcome-abnormal' ? '#123456' : name === '--tl-bg' ? '#000000' : '',
    );
    expect(p.outcome.abnormal).toBe('#123456');
    expect(p.bg).toBe('#000000');
    expect(p.outcome.open).toBe(LIGHT_PALETTE.outcome.open);
    expect(p.code.restart).toBe(LIGHT_PALETTE.code.restart);
  });
});

describe('close-tick colours', () => {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((x, i) => x - rgb(b)[i]!));
  const themes = (selector: string) => {
    const start = css.indexOf(selector);
    const block = css.slice(css.indexOf('{', start), css.indexOf('}', start));
    return Object.fromEntries([...block.matchAll(/(--tl-[a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
  };
  it.each([
    ['light', '.tl-root {'],
    ['dark', "[data-theme='dark'] .tl-root"],
  ])('in the %s theme no tick looks like an Open bar or the navigation line', (_theme, selector) => {
    const vars = themes(selector);
    const ticks = Object.entries(vars).filter(([k]) => k.startsWith('--tl-code-'));
    expect(ticks.length).toBe(Object.keys(LIGHT_PALETTE.code).length);
    for (const [name, colour] of ticks) {
      for (const other of ['--tl-outcome-open', '--tl-navigation']) {
        expect(distance(colour, vars[other]!), `${name} vs ${other}`).toBeGreaterThan(80);
      }
    }
  });
  it('every tick colour has a legend swatch', () => {
    // Read as a rule, whatever the stylesheet's layout.
    for (const c of Object.keys(LIGHT_PALETTE.code))
      expect(css).toMatch(new RegExp(`\\.tl-tick-${c}\\s*\\{\\s*background:\\s*var\\(--tl-code-${c}\\);?\\s*\\}`));
  });
});
