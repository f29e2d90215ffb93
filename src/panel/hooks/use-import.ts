/**
 * Import state: the imported recording (shown through a static source, exactly
 * like live data), the file being read and checked, the last import error, and
 * what the shown file lost (entries it could not read, left out).
 * A failed import changes nothing but the error message.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Recording } from '../../protocol/recording';
import { createStaticSource } from '../../ui/data/static-source';
import type { RecordingSource } from '../../ui/data/source';
import type { I18nText } from '../../analysis/types';
import { readRecordingFile } from '../io/import-file';
import type { LeftOut } from '../../protocol/validate-recording';

/** The file an import is reading and checking. */
export interface PendingImport {
  name: string;
  bytes: number;
}

export interface ImportState {
  /** The source to show: the imported file's, else the live one. */
  active: RecordingSource;
  imported: boolean;
  /** The file chosen, until it is shown or refused. Another may be chosen meanwhile: the last one wins. */
  pending: PendingImport | null;
  /** Kept as id and substitutions: a substitution may come from the file (ImportErrorBanner shows it isolated). */
  error: I18nText | null;
  /** The shown file's entries that could not be read, until dismissed or another recording is shown. */
  leftOut: LeftOut | null;
  importFile(file: Blob & { name?: string }): Promise<void>;
  backToLive(): void;
  dismissError(): void;
  dismissLeftOut(): void;
}

export function useImport(live: RecordingSource): ImportState {
  const [imported, setImported] = useState<Recording | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [error, setError] = useState<I18nText | null>(null);
  const [leftOut, setLeftOut] = useState<LeftOut | null>(null);
  const importedSource = useMemo(() => (imported ? createStaticSource(imported) : null), [imported]);
  // Only the file chosen last is shown: one chosen while another is still being read replaces it.
  const latest = useRef(0);

  const importFile = useCallback(async (file: Blob & { name?: string }) => {
    const seq = ++latest.current;
    // Shown while the browser reads the file, when the panel is idle and can paint it: a file of tens of
    // megabytes then takes seconds to check and analyse, with the panel busy.
    setPending({ name: file.name ?? '', bytes: file.size });
    setError(null); // the last file's refusal is not this one's
    const res = await readRecordingFile(file);
    if (seq !== latest.current) return;
    setPending(null);
    if (res.ok) {
      setImported(res.recording);
      setLeftOut(res.leftOut ?? null);
    } else {
      setError(res.error);
    }
  }, []);

  return {
    active: importedSource ?? live,
    imported: importedSource !== null,
    pending,
    error,
    // Belongs to the file shown: back to live hides it, and the next file's import replaces it.
    leftOut: importedSource ? leftOut : null,
    importFile,
    backToLive: useCallback(() => setImported(null), []),
    dismissError: useCallback(() => setError(null), []),
    dismissLeftOut: useCallback(() => setLeftOut(null), []),
  };
}
