import { describe, expect, it } from 'vitest';
import { parseStack } from './parse-stack';

describe('parseStack', () => {
  it.each([
    [
      'at connect (https://a.example/app.js:10:3)',
      { fn: 'connect', url: 'https://a.example/app.js', line: 10, column: 3 },
    ],
    ['at https://a.example/app.js:7:1', { url: 'https://a.example/app.js', line: 7, column: 1 }],
    [
      'at new Client (webpack://src/client.ts:20:5)',
      { fn: 'new Client', url: 'webpack://src/client.ts', line: 20, column: 5 },
    ],
    ['at async Promise.all (index 0)', {}],
    ['connect@https://a.example/app.js:10:3', { fn: 'connect', url: 'https://a.example/app.js', line: 10, column: 3 }],
    ['@https://a.example/app.js:1:9', { url: 'https://a.example/app.js', line: 1, column: 9 }],
  ])('%s', (line, want) => {
    expect(parseStack(line)).toEqual([{ text: line, ...want }]);
  });

  it.each([
    'at x (javascript:alert(1):1:1)',
    'at x (JavaScript:alert(1):1:1)',
    'at x (java\tscript:alert(1):1:1)',
    'x@data:text/html,<b>hi</b>:1:1',
    'at vbscript:msgbox(1):2:3',
  ])('keeps %j as text, never a link', (line) => {
    expect(parseStack(line)).toEqual([{ text: line }]);
  });

  it.each([
    ['at f (blob:https://a.example/0f1e:3:4)', 'blob:https://a.example/0f1e'],
    ['at f (chrome-extension://abc/x.js:3:4)', 'chrome-extension://abc/x.js'],
    ['at eval (bundle.js:3:4)', 'bundle.js'],
  ])('links %j', (line, url) => {
    expect(parseStack(line)[0]?.url).toBe(url);
  });

  it('drops blank lines and a leading "Error"', () => {
    expect(parseStack('Error\n  at a (https://x/y.js:1:2)\n\n').map((f) => f.fn)).toEqual(['a']);
  });
});
