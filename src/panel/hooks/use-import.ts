/**
 * Import state: the imported recording (shown through a static source, exactly
 * like live data) and the last import error. A failed import changes nothing
 * but the error message.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Recording } from '../../protocol/recording';
import { createStaticSource } from '../../ui/data/static-source';
import type { RecordingSource } from '../../ui/data/source';
import type { I18nText } from '../../analysis/types';
import { readRecordingFile } from '../io/import-file';

export interface ImportState {
  /** The source to show: the imported file's, else the live one. */
  active: RecordingSource;
  imported: boolean;
  /** Kept as id and substitutions: a substitution may come from the file (ImportErrorBanner shows it isolated). */
  error: I18nText | null;
  importFile(file: Blob): Promise<void>;
  backToLive(): void;
  dismissError(): void;
}

export function useImport(live: RecordingSource): ImportState {
  const [imported, setImported] = useState<Recording | null>(null);
  const [error, setError] = useState<I18nText | null>(null);
  const importedSource = useMemo(() => (imported ? createStaticSource(imported) : null), [imported]);

  const importFile = useCallback(async (file: Blob) => {
    const res = await readRecordingFile(file);
    if (res.ok) {
      setError(null);
      setImported(res.recording);
    } else {
      setError(res.error);
    }
  }, []);

  return {
    active: importedSource ?? live,
    imported: importedSource !== null,
    error,
    importFile,
    backToLive: useCallback(() => setImported(null), []),
    dismissError: useCallback(() => setError(null), []),
  };
}
