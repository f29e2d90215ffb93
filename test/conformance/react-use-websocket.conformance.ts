/** Conformance: react-use-websocket, unmodified, judged by the extension under the default profile. */
import { defineLibrarySuite } from './support/library-suite';

defineLibrarySuite('react-use-websocket');
