/** Conformance: mqtt (MQTT.js over WebSockets), unmodified, judged by the extension under the default profile. */
import { defineLibrarySuite } from './support/library-suite';

defineLibrarySuite('mqtt');
