/**
 * Vite plugin: minifies the built MAIN-world hook a second time, now renaming the
 * properties of the hook's own objects (its saved natives, its context, socket
 * records, simulation and stall state). The hook runs in every frame of every page,
 * and those names were a good part of it. The IIFE build of crxjs takes no minifier
 * options, hence this pass over its output.
 *
 * Only the names listed here are renamed, and every other identifier in the file is
 * reserved, so a new name can never collide with a DOM, page or protocol name. A name
 * belongs here only if it is never a property of an object the hook does not make
 * (a native, an event, an init dictionary) nor a field of a message it posts.
 */
import { minifySync, parseSync } from 'vite';

export const HOOK_FILE = 'src/content/hook.iife.js';

/** Properties of the hook's own objects only (src/content/hook/). */
export const HOOK_INTERNAL_PROPS = [
  // natives.ts
  'invoke',
  'conv',
  'num',
  'revoked',
  'bindTo',
  'trap',
  'ctor',
  'arg',
  'read',
  'getter',
  'gopd',
  'push',
  'isObj',
  'own',
  'store',
  'size',
  'copy',
  'head',
  'stop',
  'fire',
  'state',
  'tryRead',
  'captureStack',
  'msgData',
  'listen',
  // context.ts: the context and a socket's record
  'emit',
  'clock',
  'trace',
  'setRec',
  'dropRec',
  'swap',
  'nextK',
  'protocolsOf',
  'recOf',
  'sockets',
  'closeCall',
  'c',
  'done',
  'u',
  'rin',
  'rout',
  'p',
  's',
  // simulate.ts, stall.ts
  'isOwn',
  'intercept',
  'run',
  'holdIncoming',
  'holdOutgoing',
  'start',
  'end',
  'inQ',
  'org',
  'outQ',
  'timer',
  'next',
  'tail',
  'id',
  'error',
];

/** Every property name the code uses (member accesses, object keys, destructuring), read from its syntax tree. */
function propertyNames(code) {
  const names = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'MemberExpression' && !node.computed && node.property?.type === 'Identifier')
      names.add(node.property.name);
    if (node.type === 'Property' && !node.computed && node.key?.type === 'Identifier') names.add(node.key.name);
    for (const v of Object.values(node)) if (v && typeof v === 'object') visit(v);
  };
  visit(parseSync('hook.js', code).program);
  return names;
}

export function mangleHookProps(code) {
  const include = new RegExp(`^(?:${HOOK_INTERNAL_PROPS.join('|')})$`);
  const reserved = [...propertyNames(code)].filter((name) => !include.test(name));
  const r = minifySync('hook.js', code, { mangleProps: { include, reserved } });
  if (r.errors.length) throw new Error(`hook minification failed: ${r.errors.map((e) => e.message).join('; ')}`);
  return asArrowIife(r.code);
}

/**
 * The IIFE's `function(){` as `()=>{`: six bytes of a file kept within a budget. Only where nothing in the
 * file reads `this` or `arguments`, the two things an arrow function would take from around it instead.
 */
export function asArrowIife(code) {
  const m = /^("use strict";)?\(function\(\)\{/.exec(code);
  if (!m || usesThisOrArguments(parseSync('hook.js', code).program)) return code;
  return `${m[1] ?? ''}(()=>{${code.slice(m[0].length)}`;
}

function usesThisOrArguments(node) {
  if (Array.isArray(node)) return node.some(usesThisOrArguments);
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'ThisExpression' || (node.type === 'Identifier' && node.name === 'arguments')) return true;
  return Object.values(node).some((v) => v && typeof v === 'object' && usesThisOrArguments(v));
}

export function minifyHook() {
  return {
    name: 'closeline:minify-hook',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const file = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName === HOOK_FILE);
      if (!file) return;
      file.source = mangleHookProps(
        typeof file.source === 'string' ? file.source : Buffer.from(file.source).toString('utf8'),
      );
    },
  };
}
