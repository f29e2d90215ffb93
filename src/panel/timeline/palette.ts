/**
 * Canvas cannot resolve CSS variables, so the colours defined in timeline.css
 * (light by default, dark under [data-theme="dark"]) are read from the
 * computed style before each draw. The defaults below only apply where no
 * stylesheet is loaded (tests) and mirror the light theme.
 */
import type { CodeCategory } from '../../knowledge/types';
import type { Outcome } from '../../analysis/present';
import type { PeriodKind } from './periods';

export interface Palette {
  bg: string;
  grid: string;
  axisText: string;
  laneText: string;
  laneSeparator: string;
  selection: string;
  hover: string;
  link: string;
  linkText: string;
  navigation: string;
  problem: string;
  advice: string;
  simulated: string;
  outcome: Record<Outcome, string>;
  code: Record<CodeCategory, string>;
  period: Record<PeriodKind, string>;
}

export const LIGHT_PALETTE: Palette = {
  bg: '#ffffff',
  grid: '#e3e6ea',
  axisText: '#5f6368',
  laneText: '#202124',
  laneSeparator: '#d0d4d9',
  selection: '#1a73e8',
  hover: '#5f6368',
  link: '#7b61ff',
  linkText: '#4b3bbf',
  navigation: '#202124',
  problem: '#c5221f',
  advice: '#a15c00',
  simulated: '#202124',
  outcome: { open: '#8ab4f8', clean: '#81c995', page: '#c4c7c5', abnormal: '#f28b82', document: '#d7aefb' },
  code: {
    normal: '#188038',
    'protocol-error': '#e52592',
    policy: '#d93025',
    'server-error': '#c5221f',
    restart: '#00897b',
    overload: '#e37400',
    abnormal: '#b3261e',
    reserved: '#5f6368',
    invalid: '#5f6368',
    registered: '#12b5cb',
    application: '#9334e6',
  },
  period: { hidden: 'rgba(95,99,104,0.10)', frozen: 'rgba(26,115,232,0.10)', offline: 'rgba(217,48,37,0.08)' },
};

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** The CSS variable behind each palette entry, e.g. outcome.open → --tl-outcome-open. */
export function cssVarName(path: string): string {
  return `--tl-${path.split('.').map(kebab).join('-')}`;
}

type Read = (name: string) => string;

function readGroup<K extends string>(group: string, defaults: Record<K, string>, read: Read): Record<K, string> {
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as K[]) out[key] = read(cssVarName(`${group}.${key}`)) || defaults[key];
  return out;
}

export function paletteFrom(read: Read): Palette {
  const d = LIGHT_PALETTE;
  const flat = (key: Exclude<keyof Palette, 'outcome' | 'code' | 'period'>) => read(cssVarName(key)) || d[key];
  return {
    bg: flat('bg'),
    grid: flat('grid'),
    axisText: flat('axisText'),
    laneText: flat('laneText'),
    laneSeparator: flat('laneSeparator'),
    selection: flat('selection'),
    hover: flat('hover'),
    link: flat('link'),
    linkText: flat('linkText'),
    navigation: flat('navigation'),
    problem: flat('problem'),
    advice: flat('advice'),
    simulated: flat('simulated'),
    outcome: readGroup('outcome', d.outcome, read),
    code: readGroup('code', d.code, read),
    period: readGroup('period', d.period, read),
  };
}

export function readPalette(el: Element): Palette {
  const style = getComputedStyle(el);
  return paletteFrom((name) => style.getPropertyValue(name).trim());
}
