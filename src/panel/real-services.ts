/** The panel's services backed by the real knowledge base and analysis core. */
import { analyzeRecording, profiles } from '../analysis';
import { comparisonsFor, lookupCode } from '../knowledge';
import type { PanelServices } from './services';

export const realServices: PanelServices = {
  analyze: (recording, options) => analyzeRecording(recording, options),
  lookupCode,
  comparisonsFor,
  profiles: profiles.map((p) => ({ id: p.id, nameId: p.nameId })),
};
