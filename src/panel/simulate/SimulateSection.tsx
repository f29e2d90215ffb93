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
  DEFAULT_CODE,
  DEFAULT_OUTAGE_SECONDS,
  DEFAULT_STALL_SECONDS,
  parseCode,
  parseReason,
  parseSeconds,
  parseStallSeconds,
  SCENARIO_1013,
  type FormValues,
  type SimulateAction,
} from './simulate-form';
import { CodeField, ReasonField, SecondsRow } from './SimulateFields';
import { SimulateResult } from './SimulateResult';
import type { RunSimulation, SimResult, SimulateScope } from './use-simulation';

interface Props {
  connection: Connection;
  run: RunSimulation;
  /** The last outcome, shown when it is this connection's. */
  result: SimResult | null;
}

export function SimulateSection({ connection, run, result }: Props) {
  const uid = useId();
  const [values, setValues] = useState<FormValues>({
    code: DEFAULT_CODE,
    reason: '',
    seconds: DEFAULT_OUTAGE_SECONDS,
    stallSeconds: DEFAULT_STALL_SECONDS,
  });
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
      <button
        type="button"
        data-testid={testId}
        // While a request is on its way the buttons are only said to be disabled, and ignore a press: a
        // disabled button loses the keyboard focus, which falls to the body (the stall keeps the socket open,
        // so the section stays, and the user would have to find it again).
        disabled={command === null}
        aria-disabled={busy || undefined}
        onClick={() => !busy && command && void run(connection.id, labels[action], command, scope)}
      >
        {labels[action]}
      </button>
    );
  };

  const ids = {
    list: `${uid}-codes`,
    code: `${uid}-code-error`,
    reason: `${uid}-reason-info`,
    seconds: `${uid}-seconds-error`,
    stall: `${uid}-stall-error`,
  };
  return (
    <section className="detail-section simulate" aria-label={t('panel_sim_title')} data-testid="simulate-section">
      <h3>{t('panel_sim_title')}</h3>
      <p className="muted">{t('panel_sim_intro')}</p>
      <div className="sim-fields">
        <CodeField
          ids={{ list: ids.list, error: ids.code }}
          text={values.code}
          parsed={code}
          nameOf={nameOf}
          onChange={(v) => set({ code: v })}
        />
        <ReasonField id={ids.reason} text={values.reason} parsed={reason} onChange={(v) => set({ reason: v })} />
        <label>
          {t('panel_sim_scope')}
          <select
            data-testid="simulate-scope"
            value={scope}
            onChange={(e) => setScope(e.target.value === 'endpoint' ? 'endpoint' : 'connection')}
          >
            <option value="connection">{t('panel_sim_scope_connection')}</option>
            <option value="endpoint">{t('panel_sim_scope_endpoint')}</option>
          </select>
        </label>
      </div>
      <div className="sim-actions">
        {button('close', 'simulate-close')}
        {button('drop', 'simulate-drop')}
      </div>
      <SecondsRow
        labelId="panel_sim_outage_seconds"
        testId="simulate-outage-seconds"
        errorId={ids.seconds}
        max={MAX_OUTAGE_SECONDS}
        text={values.seconds}
        parsed={seconds}
        onChange={(v) => set({ seconds: v })}
        button={button('outage', 'simulate-outage')}
      />
      <div className="sim-actions">{button('scenario', 'simulate-1013-outage')}</div>
      <SecondsRow
        labelId="panel_sim_stall_seconds"
        testId="simulate-stall-seconds"
        errorId={ids.stall}
        max={MAX_STALL_SECONDS}
        text={values.stallSeconds}
        parsed={stallSeconds}
        onChange={(v) => set({ stallSeconds: v })}
        button={button('stall', 'simulate-stall')}
      />
      <p className="muted">{t('panel_sim_stall_intro')}</p>
      <SimulateResult result={mine} />
    </section>
  );
}
