/** Conformance: @supabase/realtime-js (Supabase Realtime's client), unmodified, judged by the extension under the default profile. */
import { defineLibrarySuite } from './support/library-suite';

defineLibrarySuite('@supabase/realtime-js');
