/** Conformance: sockjs-client under @stomp/stompjs (Spring's STOMP over SockJS), unmodified, judged by the extension under the default profile. */
import { defineLibrarySuite } from './support/library-suite';

defineLibrarySuite('sockjs-client');
