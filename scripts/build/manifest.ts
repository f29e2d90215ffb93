/**
 * One manifest source for every browser: manifest.json is the Chromium-shaped
 * base (without a version), and this transform derives each build's manifest
 * from it and package.json's version. Pure, so it is unit-tested.
 */
export type Target = 'chrome' | 'firefox';

export type Manifest = Record<string, unknown> & {
  manifest_version: number;
  name: string;
  version?: string;
  background?: { service_worker?: string; scripts?: string[]; type?: string };
};
export type BuiltManifest = Manifest & { version: string };

/** The add-on id Firefox keys storage and updates on; it must never change once published. */
export const GECKO_ID = 'closeline@closeline.dev';

/**
 * The oldest Firefox with every key and API Closeline uses: MAIN-world content
 * scripts (128), match_origin_as_fallback (128), storage.session (115),
 * declarativeNetRequest session rules (113) and data_collection_permissions (140,
 * the key web-ext lint asks for). 140 is also an ESR.
 */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** Keys Firefox does not know; see docs/firefox.md for what leaving them out costs. */
export const CHROME_ONLY_KEYS = ['minimum_chrome_version'] as const;

/** Both stores want 1 to 4 dot-separated integers without leading zeros. */
const VERSION = /^(0|[1-9]\d{0,8})(\.(0|[1-9]\d{0,8})){0,3}$/;

export function manifestFor(target: Target, base: Manifest, version: string): BuiltManifest {
  if (!VERSION.test(version)) {
    throw new Error(
      `package.json version "${version}" is not a browser extension version (1 to 4 dot-separated integers)`,
    );
  }
  if ('version' in base) throw new Error('manifest.json must not set "version": it comes from package.json');
  const worker = base.background?.service_worker;
  if (!worker) throw new Error('manifest.json must declare background.service_worker');
  if (target === 'chrome') return { ...base, version };
  const out: BuiltManifest = { ...base, version };
  for (const key of CHROME_ONLY_KEYS) delete out[key];
  // Firefox has no extension service workers: the same module runs as an event page.
  out.background = { scripts: [worker], type: 'module' };
  out.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      // Nothing leaves the user's machine (README, "Permissions and privacy").
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android knows data_collection_permissions from 142 (it has no DevTools panel there).
    gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
  };
  return out;
}
