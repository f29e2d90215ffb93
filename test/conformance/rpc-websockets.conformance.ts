/** Conformance: rpc-websockets (the JSON-RPC client under @solana/web3.js), unmodified, judged by the extension under the default profile. */
import { defineLibrarySuite } from './support/library-suite';

defineLibrarySuite('rpc-websockets');
