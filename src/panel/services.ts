/**
 * What the panel needs from the pure cores (knowledge, analysis), as one
 * injectable object: the entry passes the real modules, component tests pass
 * the real knowledge base with a hand-made analysis where that keeps a test
 * focused on the UI.
 */
import { createContext, useContext } from 'react';
import type { Analysis } from '../analysis/types';
import type { Comparison } from '../knowledge/types';
import type { EpochMs, Recording } from '../protocol/recording';

export interface ProfileOption {
  id: string;
  /** i18n id of the profile's display name. */
  nameId: string;
}

export type Analyze = (recording: Recording, options: { profileId: string; now: EpochMs }) => Analysis;

export interface PanelServices {
  analyze: Analyze;
  /**
   * An `analyze` that keeps its results for the next call (unchanged connections, episodes and
   * verdicts are not worked out again): for a view that analyses every version of a live recording.
   * Answers as `analyze` does. Without it, `analyze` serves.
   */
  createAnalyzer?(): Analyze;
  comparisonsFor(code: number): Comparison[];
  profiles: readonly ProfileOption[];
}

export const ServicesContext = createContext<PanelServices | null>(null);

export function useServices(): PanelServices {
  const s = useContext(ServicesContext);
  // A programming error, not a user-facing state: every tree is rendered through App.
  if (!s) throw new Error('PanelServices missing: render inside <App>');
  return s;
}
