/** Conformance: y-websocket (Yjs's WebsocketProvider), unmodified, judged by the extension under the default profile. */
import { defineLibrarySuite } from './support/library-suite';

defineLibrarySuite('y-websocket');
