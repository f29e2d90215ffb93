/**
 * "Simulate" controls for one live connection: a server close with a
 * chosen code and reason, a network drop, an outage, and the one-click
 * "1013, then unavailable" scenario, for this connection or every open one to
 * its endpoint. Fields are checked as typed; the extension checks again.
 */
import { useId, useState } from 'react';
import type { Connection } from '../../protocol/recording';
import { MAX_OUTAGE_SECONDS, MAX_STALL_SECONDS } from '../../protocol/messages';
import { t } from '../../i18n/translate';
import { codeContextOf } from '../../analysis/code-context';
import { presentCode } from '../../analysis/present';
import { codeNameText } from '../../i18n/code-name';
import {
  commandFor,
  COMMON_CODES,
  DEFAULT_CODE,
  DEFAULT_OUTAGE_SECONDS,
  DEFAULT_STALL_SECONDS,
  parseCode,
  parseReason,
  parseSeconds,
  parseStallSeconds,
  SCENARIO_1013,
  utf8Bytes,
  type FieldError,
  type FormValues,
  type SimulateAction,
} from './simulate-form';
import { SimulateResult } from './SimulateResult';
import type { RunSimulation, SimResult, SimulateScope } from './use-simulation';

interface Props {
  connection: Connection;
  run: RunSimulation;
  /** The last outcome, shown when it is this connection's. */
  result: SimResult | null;
}

function FieldMessage({ id, error }: { id: string; error: FieldError | null }) {
  return error ? (
    <span id={id} className="field-error" role="alert">
      {t(error.id, error.subs)}
    </span>
  ) : null;
}

export function SimulateSection({ connection, run, result }: Props) {
  const uid = useId();
  const [values, setValues] = useState<FormValues>({ code: DEFAULT_CODE, reason: '', seconds: DEFAULT_OUTAGE_SECONDS, stallSeconds: DEFAULT_STALL_SECONDS });
  const [scope, setScope] = useState<SimulateScope>('connection');
  const set = (patch: Partial<FormValues>) => setValues((v) => ({ ...v, ...patch }));

  const ctx = codeContextOf(connection);
  const nameOf = (code: number) => codeNameText(presentCode(code, ctx));
  const code = parseCode(values.code);
  const reason = parseReason(values.reason);
  const seconds = parseSeconds(values.seconds);
  const stallSeconds = parseStallSeconds(values.stallSeconds);
  const mine = result?.connectionId === connection.id ? result : null;
  const busy = mine?.state === 'pending';

  const labels: Record<SimulateAction, string> = {
    close: t('panel_sim_close'),
    drop: t('panel_sim_drop'),
    outage: t('panel_sim_outage', [seconds.ok ? seconds.value : values.seconds.trim() || '?']),
    scenario: t('panel_sim_close_then_outage', [SCENARIO_1013.code, SCENARIO_1013.seconds]),
    stall: t('panel_sim_stall', [stallSeconds.ok ? stallSeconds.value : values.stallSeconds.trim() || '?']),
  };
  const button = (action: SimulateAction, testId: string) => {
    const command = commandFor(action, values);
    return (
      <button type="button" data-testid={testId} disabled={busy || command === null} onClick={() => command && void run(connection.id, labels[action], command, scope)}>
        {labels[action]}
      </button>
    );
  };

  const ids = { list: `${uid}-codes`, code: `${uid}-code-error`, reason: `${uid}-reason-info`, seconds: `${uid}-seconds-error`, stall: `${uid}-stall-error` };
  return (
    <section className="detail-section simulate" aria-label={t('panel_sim_title')} data-testid="simulate-section">
      <h3>{t('panel_sim_title')}</h3>
      <p className="muted">{t('panel_sim_intro')}</p>
      <div className="sim-fields">
        <label>
          {t('panel_sim_code')}
          <input
            data-testid="simulate-code"
            inputMode="numeric"
            list={ids.list}
            size={6}
            value={values.code}
            aria-invalid={!code.ok}
            aria-describedby={code.ok ? undefined : ids.code}
            onChange={(e) => set({ code: e.target.value })}
          />
        </label>
        <datalist id={ids.list}>
          {COMMON_CODES.map((c) => (
            <option key={c} value={c} label={t('panel_sim_code_option', [c, nameOf(c)])} />
          ))}
        </datalist>
        {code.ok ? <span className="sim-code-name">{nameOf(code.value) || t('panel_sim_unknown_code')}</span> : null}
        <FieldMessage id={ids.code} error={code.ok ? null : code.error} />
        <label>
          {t('panel_sim_reason')}
          <input
            data-testid="simulate-reason"
            value={values.reason}
            aria-invalid={!reason.ok}
            aria-describedby={ids.reason}
            onChange={(e) => set({ reason: e.target.value })}
          />
        </label>
        {reason.ok ? (
          <span id={ids.reason} className="muted">
            {t('panel_sim_reason_bytes', [utf8Bytes(values.reason)])}
          </span>
        ) : (
          <FieldMessage id={ids.reason} error={reason.error} />
        )}
        <label>
          {t('panel_sim_scope')}
          <select data-testid="simulate-scope" value={scope} onChange={(e) => setScope(e.target.value === 'endpoint' ? 'endpoint' : 'connection')}>
            <option value="connection">{t('panel_sim_scope_connection')}</option>
            <option value="endpoint">{t('panel_sim_scope_endpoint')}</option>
          </select>
        </label>
      </div>
      <div className="sim-actions">
        {button('close', 'simulate-close')}
        {button('drop', 'simulate-drop')}
      </div>
      <div className="sim-actions">
        <label>
          {t('panel_sim_outage_seconds')}
          <input
            data-testid="simulate-outage-seconds"
            type="number"
            min={1}
            max={MAX_OUTAGE_SECONDS}
            step={1}
            value={values.seconds}
            aria-invalid={!seconds.ok}
            aria-describedby={seconds.ok ? undefined : ids.seconds}
            onChange={(e) => set({ seconds: e.target.value })}
          />
        </label>
        {button('outage', 'simulate-outage')}
        <FieldMessage id={ids.seconds} error={seconds.ok ? null : seconds.error} />
      </div>
      <div className="sim-actions">{button('scenario', 'simulate-1013-outage')}</div>
      <div className="sim-actions">
        <label>
          {t('panel_sim_stall_seconds')}
          <input
            data-testid="simulate-stall-seconds"
            type="number"
            min={1}
            max={MAX_STALL_SECONDS}
            step={1}
            value={values.stallSeconds}
            aria-invalid={!stallSeconds.ok}
            aria-describedby={stallSeconds.ok ? undefined : ids.stall}
            onChange={(e) => set({ stallSeconds: e.target.value })}
          />
        </label>
        {button('stall', 'simulate-stall')}
        <FieldMessage id={ids.stall} error={stallSeconds.ok ? null : stallSeconds.error} />
      </div>
      <p className="muted">{t('panel_sim_stall_intro')}</p>
      <SimulateResult result={mine} />
    </section>
  );
}
