/**
 * ISOLATED-world relay, built as a standalone IIFE like the hook: on crxjs's
 * default import() loader it would start listening after the hook's hello.
 */
import { startRelay } from './relay/main';

startRelay(window);
