/** Whether a view's tab is in a private window: the popup and the panel ask their source alike. */
import { useEffect, useState } from 'react';
import type { RecordingSource } from './source';

/** False until known, and for a source that cannot say (an imported file's). */
export function usePrivateTab(source: Pick<RecordingSource, 'isPrivate'>): boolean {
  const [privateTab, setPrivateTab] = useState(false);
  useEffect(() => {
    let live = true;
    source.isPrivate?.().then(
      (p) => live && setPrivateTab(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [source]);
  return privateTab;
}
