/**
 * "Reconnect check" in the panel: choose scenarios (all by default) and which
 * sockets, start, watch progress (scenario n of m, time left, cancel), then the
 * report card. Nothing runs until Start is pressed.
 */
import { useState } from 'react';
import { MAX_OUTAGE_SECONDS, MAX_STALL_SECONDS } from '../../protocol/messages';
import type { Recording } from '../../protocol/recording';
import { parseScenario, type Scenario } from '../../audit';
import { DEFAULT_OUTAGE_S, DEFAULT_STALL_S, OVERLOAD_REFUSE_S } from '../../audit/scenarios';
import { openByEndpoint } from '../../audit/observe';
import { t } from '../../i18n/translate';
import { isolatePage } from '../../ui/components/page-string';
import { ReportCard } from './ReportCard';
import type { AuditRun, AuditState } from './use-audit';

const FIXED = ['1012', '1013', '1006', '1008'] as const;

interface Props {
  recording: Recording | null;
  state: AuditState;
  onStart(run: AuditRun): void;
  onCancel(): void;
  onClose(): void;
  onSelect(closureId: string): void;
  /** The profile chosen now: a report judged by another says so. */
  profileId: string;
  /**
   * How an endpoint is shown: redacted as the settings say, like every URL of the panel (the table's rows and
   * the check's endpoints are the same sockets). The check itself acts on the real endpoints.
   */
  shown(url: string): string;
}

export function AuditSection({ recording, state, onStart, onCancel, onClose, onSelect, profileId, shown }: Props) {
  const [chosen, setChosen] = useState<Record<string, boolean>>({
    1012: true,
    1013: true,
    1006: true,
    outage: true,
    1008: true,
  });
  const [outageS, setOutageS] = useState(String(DEFAULT_OUTAGE_S));
  // A stall takes its whole length when the page never notices, so it is offered but not ticked.
  const [stallS, setStallS] = useState(String(DEFAULT_STALL_S));
  const [endpoint, setEndpoint] = useState('');
  const endpoints = recording ? [...openByEndpoint(recording).keys()] : [];
  const outage = parseScenario(`outage:${outageS.trim()}`);
  const stall = parseScenario(`stall:${stallS.trim()}`);
  // Only ticked scenarios count; an outage length out of range makes the choice invalid only when the outage is ticked.
  const scenarios = [
    ...FIXED.filter((id) => chosen[id]).map((id) => parseScenario(id)),
    ...(chosen.outage ? [outage] : []),
    ...(chosen.stall ? [stall] : []),
  ];
  const valid = scenarios.length > 0 && scenarios.every((s) => s !== undefined);
  const running = state.kind === 'running';
  const start = () => {
    const list = scenarios.filter((s): s is Scenario => s !== undefined).sort((a, b) => a.order - b.order);
    onStart({ scenarios: list, ...(endpoint && { endpoint }) });
  };
  const check = (id: string, label: string) => (
    <label key={id} className="toolbar-check">
      <input
        type="checkbox"
        data-testid={`audit-scenario-${id}`}
        checked={chosen[id] ?? false}
        disabled={running}
        onChange={(e) => setChosen((c) => ({ ...c, [id]: e.target.checked }))}
      />
      {label}
    </label>
  );

  return (
    <section className="audit" aria-label={t('audit_title')} data-testid="audit-section">
      <div className="audit-head">
        <h2>{t('audit_title')}</h2>
        <button type="button" onClick={onClose} disabled={running}>
          {t('audit_close')}
        </button>
      </div>
      <p className="muted">{t('audit_intro')}</p>
      <fieldset className="audit-choices" disabled={running}>
        <legend>{t('audit_scenarios_legend')}</legend>
        {check('1012', t('audit_scenario_close', ['1012']))}
        {check('1013', t('audit_scenario_close_refuse', ['1013', OVERLOAD_REFUSE_S]))}
        {check('1006', t('audit_scenario_drop'))}
        {check('outage', t('audit_scenario_outage', [outageS.trim() || '?']))}
        <SecondsField
          labelId="audit_outage_seconds"
          max={MAX_OUTAGE_SECONDS}
          value={outageS}
          invalid={chosen.outage && !outage}
          onChange={setOutageS}
          testId="audit-outage-seconds"
        />
        {check('stall', t('audit_scenario_stall', [stallS.trim() || '?']))}
        <SecondsField
          labelId="audit_stall_seconds"
          max={MAX_STALL_SECONDS}
          value={stallS}
          invalid={chosen.stall && !stall}
          onChange={setStallS}
          testId="audit-stall-seconds"
        />
        {check('1008', t('audit_scenario_close', ['1008']))}
        <label>
          {t('audit_endpoint_label')}
          <select value={endpoint} onChange={(e) => setEndpoint(e.target.value)} data-testid="audit-endpoint">
            <option value="">{t('audit_endpoint_all')}</option>
            {endpoints.map((ep) => (
              <option key={ep} value={ep}>
                {isolatePage(shown(ep))}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="sim-actions">
        {running ? (
          <button type="button" onClick={onCancel} data-testid="audit-cancel">
            {t('audit_cancel')}
          </button>
        ) : (
          <button type="button" onClick={start} disabled={!valid || endpoints.length === 0} data-testid="audit-start">
            {t('audit_start')}
          </button>
        )}
        {!running && valid && endpoints.length === 0 ? <span className="muted">{t('audit_no_open')}</span> : null}
        {!valid ? (
          <span className="field-error" role="alert">
            {t('audit_none_chosen')}
          </span>
        ) : null}
      </div>
      {state.kind === 'running' ? <Progress state={state} /> : null}
      {state.kind === 'error' ? (
        <p className="field-error" role="alert" data-testid="audit-error">
          {t('audit_failed', [state.message])}
        </p>
      ) : null}
      {state.kind === 'done' ? (
        <ReportCard report={state.report} onSelect={onSelect} profileId={profileId} shown={shown} />
      ) : null}
    </section>
  );
}

/** A scenario's length in whole seconds, 1 to `max`. */
function SecondsField(p: {
  labelId: string;
  max: number;
  value: string;
  invalid: boolean | undefined;
  onChange(text: string): void;
  testId: string;
}) {
  return (
    <label>
      {t(p.labelId)}
      <input
        type="number"
        min={1}
        max={p.max}
        step={1}
        value={p.value}
        aria-invalid={p.invalid}
        onChange={(e) => p.onChange(e.target.value)}
        data-testid={p.testId}
      />
    </label>
  );
}

function Progress({ state }: { state: Extract<AuditState, { kind: 'running' }> }) {
  const p = state.progress;
  if (!p || p.phase !== 'running') return <p role="status">{t('audit_waiting_sockets')}</p>;
  const label = p.scenario ? parseScenario(p.scenario)?.label : undefined;
  return (
    <div
      className="audit-progress"
      role="status"
      data-testid="audit-progress"
      data-index={p.index}
      data-total={p.total}
    >
      <span>{t('audit_progress', [p.index, p.total, label ? t(label.id, label.subs) : (p.scenario ?? '')])}</span>{' '}
      <span className="muted">{t('audit_time_left', [Math.ceil(p.leftMs / 1000)])}</span>
      <progress max={p.total} value={p.index - 1} />
    </div>
  );
}
