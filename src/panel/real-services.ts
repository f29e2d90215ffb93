/** The panel's services backed by the real knowledge base and analysis core. */
import { analyzeRecording, createAnalyzer, profiles } from '../analysis';
import { comparisonsFor } from '../knowledge';
import type { PanelServices } from './services';

export const realServices: PanelServices = {
  analyze: (recording, options) => analyzeRecording(recording, options),
  createAnalyzer,
  comparisonsFor,
  profiles: profiles.map((p) => ({ id: p.id, nameId: p.nameId })),
};
