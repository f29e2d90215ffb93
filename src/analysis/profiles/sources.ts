/** Public references the profiles cite. Shown as links; the extension never fetches them. */
import type { ProfileSource } from './types';

/** The close-code guidance Closeline's default profile grew from (1012: 1–5 s; 1013: backoff from 1 s, doubling). */
export const SRC_GUIDANCE_1012: ProfileSource = {
  labelId: 'verdict_src_guidance_1012',
  url: 'https://statuscodefyi.com/websocket/1012-service-restart',
};
export const SRC_GUIDANCE_1013: ProfileSource = {
  labelId: 'verdict_src_guidance_1013',
  url: 'https://statuscodefyi.com/websocket/1013-try-again-later',
};
/** RFC 6455 §7.4.1: meanings of 1000–1011 (1008 and the protocol errors: fix the cause). */
export const SRC_RFC6455_CODES: ProfileSource = {
  labelId: 'verdict_src_rfc6455_codes',
  url: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1',
};
/** RFC 6455 §7.2.3: random first delay, then truncated binary exponential backoff. */
export const SRC_RFC6455_RECONNECT: ProfileSource = {
  labelId: 'verdict_src_rfc6455_reconnect',
  url: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.2.3',
};
/** The IANA close code registry; 1012 and 1013 reference the HyBi mail quoted by the IANA profile. */
export const SRC_IANA_REGISTRY: ProfileSource = {
  labelId: 'verdict_src_iana_registry',
  url: 'https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number',
};
export const SRC_IANA_1012_1013_TEXT: ProfileSource = {
  labelId: 'verdict_src_iana_1012_1013_text',
  url: 'https://www.ietf.org/mail-archive/web/hybi/current/msg09670.html',
};
