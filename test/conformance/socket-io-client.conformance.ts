/** Conformance: socket.io-client, unmodified, judged by the extension under the default profile. */
import { defineLibrarySuite } from './support/library-suite';

defineLibrarySuite('socket.io-client');
