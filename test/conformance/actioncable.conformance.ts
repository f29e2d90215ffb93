/** Conformance: @rails/actioncable (Rails' Action Cable consumer), unmodified, judged by the extension under the default profile. */
import { defineLibrarySuite } from './support/library-suite';

defineLibrarySuite('@rails/actioncable');
