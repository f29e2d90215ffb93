/** Conformance: @microsoft/signalr (ASP.NET Core SignalR's client), unmodified, judged by the extension under the default profile. */
import { defineLibrarySuite } from './support/library-suite';

defineLibrarySuite('@microsoft/signalr');
