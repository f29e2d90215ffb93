import { describe, expect, it } from 'vitest';
import { asArrowIife } from './hook-minify.mjs';

describe('asArrowIife', () => {
  it.each([
    [
      'a strict IIFE becomes an arrow',
      '"use strict";(function(){var a=1;f(a)})();',
      '"use strict";(()=>{var a=1;f(a)})();',
    ],
    ['without the directive too', '(function(){f()})();', '(()=>{f()})();'],
    ['an inner arrow is no reason to keep it', '(function(){g(()=>1)})();', '(()=>{g(()=>1)})();'],
    ['kept where `this` is read', '(function(){f(this)})();', '(function(){f(this)})();'],
    ['kept where `arguments` is read', '(function(){f(arguments)})();', '(function(){f(arguments)})();'],
    [
      'kept where an inner function reads `this`',
      '(function(){g(function(){return this})})();',
      '(function(){g(function(){return this})})();',
    ],
    ['a file of another shape is left alone', 'var a=(function(){})();', 'var a=(function(){})();'],
  ])('%s', (_name, code, expected) => {
    expect(asArrowIife(code)).toBe(expected);
  });
});
