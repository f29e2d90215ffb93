import { describe, expect, it } from 'vitest';
import baseJson from '../../manifest.json';
import pkg from '../../package.json';
import { CHROME_ONLY_KEYS, FIREFOX_MIN_VERSION, GECKO_ID, manifestFor, type Manifest } from './manifest';

const base = baseJson as Manifest;

describe('manifestFor', () => {
  it('gives Chromium the base manifest with package.json version', () => {
    expect(manifestFor('chrome', base, pkg.version)).toEqual({ ...base, version: pkg.version });
  });

  it('gives Firefox an event page, a gecko id, a minimum version and no Chromium-only keys', () => {
    const ff = manifestFor('firefox', base, '1.2.3');
    expect(ff.version).toBe('1.2.3');
    expect(ff.background).toEqual({ scripts: [base.background?.service_worker], type: 'module' });
    expect(ff.browser_specific_settings).toMatchObject({
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
    });
    for (const key of CHROME_ONLY_KEYS) expect(ff).not.toHaveProperty(key);
    // Everything else is shared, unchanged.
    const { background: _b, browser_specific_settings: _s, version: _v, ...rest } = ff;
    const { background: _bb, minimum_chrome_version: _m, ...baseRest } = base;
    expect(rest).toEqual(baseRest);
  });

  it('does not change the base', () => {
    const copy = structuredClone(base);
    manifestFor('firefox', base, '1.0');
    expect(base).toEqual(copy);
  });

  it.each(['1.0.0-beta', '01.2', '1.2.3.4.5', '', 'v1'])('rejects "%s", which no store accepts', (v) => {
    expect(() => manifestFor('chrome', base, v)).toThrow(/not a browser extension version/);
  });

  it('refuses a base that sets its own version or has no background worker', () => {
    expect(() => manifestFor('chrome', { ...base, version: '1.0' }, '1.0')).toThrow(/comes from package.json/);
    expect(() => manifestFor('firefox', { ...base, background: {} }, '1.0')).toThrow(/service_worker/);
  });
});
