/**
 * Runs the reconnect check from the panel: the same engine as the command line,
 * over the panel's live source, judged by the panel's analysis service. Only the
 * user's Start runs it; Cancel stops it where it is (nothing more is sent).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { runAudit, AuditError, type AuditProgress, type AuditReport, type Scenario } from '../../audit';
import { sourceDriver } from '../../ui/data/audit-driver';
import type { RecordingSource } from '../../ui/data/source';
import { t } from '../../i18n/translate';
import type { PanelServices } from '../services';

export type AuditState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: AuditProgress | null }
  | { kind: 'done'; report: AuditReport }
  | { kind: 'error'; message: string };

export interface AuditRun {
  scenarios: Scenario[];
  /** One endpoint chosen (as `endpointOf` gives it); every open socket when absent. */
  endpoint?: string;
}

export function useAudit(source: RecordingSource, services: PanelServices, profileId: string) {
  const [state, setState] = useState<AuditState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  // A source switch (import) or the panel closing ends a run where it is.
  useEffect(() => () => controller.current?.abort(), [source]);

  const start = useCallback(
    async (run: AuditRun) => {
      if (controller.current) return;
      const ctrl = new AbortController();
      controller.current = ctrl;
      setState({ kind: 'running', progress: null });
      const driver = sourceDriver(source);
      try {
        const report = await runAudit(driver, {
          scenarios: run.scenarios,
          profileId,
          signal: ctrl.signal,
          onProgress: (progress) => setState({ kind: 'running', progress }),
          analyze: (recording, o) => services.analyze(recording, { profileId: o.profileId ?? profileId, now: o.now }),
          ...(run.endpoint !== undefined && { endpoint: run.endpoint }),
        });
        setState({ kind: 'done', report });
      } catch (e) {
        const message =
          e instanceof AuditError ? t(e.text.id, e.text.subs) : e instanceof Error ? e.message : String(e);
        setState({ kind: 'error', message });
      } finally {
        driver.dispose();
        controller.current = null;
      }
    },
    [source, services, profileId],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    if (!controller.current) setState({ kind: 'idle' });
  }, []);
  return { state, start, cancel, reset };
}
