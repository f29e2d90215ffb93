/** Conformance: @stomp/stompjs (STOMP over WebSocket, as Spring and RabbitMQ apps use it), unmodified, judged by the extension under the default profile. */
import { defineLibrarySuite } from './support/library-suite';

defineLibrarySuite('@stomp/stompjs');
