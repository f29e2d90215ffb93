import { describe, expect, it } from 'vitest';
import { captureContentFor, contentSiteOf, sanitizeCaptureMap, siteOf } from './capture-policy';

describe('message content capture per site', () => {
  it.each([
    ['localhost', {}, true],
    ['127.0.0.1', {}, true],
    ['[::1]', {}, true],
    ['app.test', {}, true],
    ['closeline-remote.example', {}, false],
    ['example.com', {}, false],
    ['localhost.example.com', {}, false],
    ['test', {}, false],
    ['mytest', {}, false],
    ['', {}, false],
    ['example.com', { 'example.com': true }, true],
    ['localhost', { localhost: false }, false],
    ['example.com', { 'other.com': true }, false],
  ])('%s with %o → %s', (host, contentCapture, want) => {
    expect(captureContentFor(host, { contentCapture })).toBe(want);
  });

  it('reads the host of a URL; no host means no capture', () => {
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(siteOf('http://[::1]:80/')).toBe('[::1]');
    expect(siteOf('about:blank')).toBe('');
    expect(siteOf('not a url')).toBe('');
  });

  it.each<[string, string | undefined, string]>([
    ['http://a.example/x', 'http://b.example', 'a.example'],
    ['about:blank', 'http://a.example', 'a.example'],
    ['about:srcdoc', 'http://localhost:5173', 'localhost'],
    ['blob:http://a.example/0b1c', 'http://a.example', 'a.example'],
    ['about:blank', 'null', ''],
    ['data:text/html,x', 'null', ''],
    ['about:blank', undefined, ''],
  ])('the site for content choices of a document at %s, origin %s: %s', (url, origin, want) => {
    expect(contentSiteOf(url, origin)).toBe(want);
  });

  it('keeps only hostname → boolean pairs from a stored value', () => {
    expect(
      sanitizeCaptureMap({
        'a.example': true,
        'b.example': 'yes',
        '': true,
        ['x'.repeat(254)]: true,
        // Each site's default: no place is kept for them.
        c: false,
        localhost: true,
        'dev.test': false,
      }),
    ).toEqual({ 'a.example': true, 'dev.test': false });
    expect(sanitizeCaptureMap(null)).toBeUndefined();
    expect(sanitizeCaptureMap(['a'])).toBeUndefined();
    expect(
      Object.keys(
        sanitizeCaptureMap(Object.fromEntries(Array.from({ length: 1500 }, (_v, i) => [`h${i}`, true]))) ?? {},
      ),
    ).toHaveLength(1000);
  });
});
