/**
 * Decoder for the view API's requests (panel, popup, audit page → background). The
 * sender is an extension page, but the background still checks every field before
 * acting, and a refusal names the field that failed.
 */
import { simulateCommand } from './commands';
import { int, obj, oneOf, req, str, type Decoder } from './decode';
import { VIEW_LIMITS } from './limits';
import { VIEW_ANSWER_TYPE, type ViewRequest, type ViewRequestType } from './messages';

const TYPES = Object.keys(VIEW_ANSWER_TYPE) as ViewRequestType[];
const tabId = int(0, Number.MAX_SAFE_INTEGER);

export const viewRequest: Decoder<ViewRequest> = (v, p) => {
  const o = obj(v, p);
  const type = req(o, 'type', oneOf(TYPES), p);
  switch (type) {
    case 'get-recording':
    case 'clear':
    case 'get-status':
      return { type, tabId: req(o, 'tabId', tabId, p) };
    case 'get-settings':
      return { type };
    case 'set-settings':
      // Each field is decoded by the settings store, which keeps the current value of a bad one.
      return {
        type,
        settings: req(o, 'settings', obj, p),
        ...(o.tabId !== undefined && { tabId: req(o, 'tabId', tabId, p) }),
      };
    case 'simulate':
      return {
        type,
        tabId: req(o, 'tabId', tabId, p),
        connectionId: req(o, 'connectionId', str(VIEW_LIMITS.connectionIdChars), p),
        scope: o.scope === undefined ? 'connection' : req(o, 'scope', oneOf(['connection', 'endpoint'] as const), p),
        command: req(o, 'command', simulateCommand, p),
      };
  }
};
