import { t } from '../../i18n/translate';
import type { SimResult } from './use-simulation';

/**
 * The outcome of the last simulation: a polite status while sending and on
 * success, an alert with the extension's reason on failure.
 */
export function SimulateResult({ result }: { result: SimResult | null }) {
  const failed = result?.state === 'error';
  const text = !result
    ? ''
    : result.state === 'pending'
      ? t('panel_sim_sending', [result.label])
      : result.state === 'ok'
        ? t('panel_sim_ok', [result.label])
        : t('panel_sim_failed', [result.label, result.message ?? '']);
  return (
    <p
      className={`sim-result${failed ? ' sim-error' : ''}`}
      data-testid="simulate-result"
      data-state={result?.state ?? 'idle'}
      role={failed ? 'alert' : 'status'}
    >
      {text}
    </p>
  );
}
