/** Conformance: partysocket (PartyKit's reconnecting WebSocket), unmodified, judged by the extension under the default profile. */
import { defineLibrarySuite } from './support/library-suite';

defineLibrarySuite('partysocket');
