/** The Simulate form's fields, each with its check shown as typed. */
import type { ReactNode } from 'react';
import { t } from '../../i18n/translate';
import { pluralId } from '../../i18n/plural';
import { COMMON_CODES, utf8Bytes, type FieldError, type Parsed } from './simulate-form';

/** A field's error in the current language, the family member for its count where it counts something. */
export function fieldErrorText(error: FieldError): string {
  return t(error.plural ? pluralId(error.id, Number(error.subs?.[0])) : error.id, error.subs);
}

export function FieldMessage({ id, error }: { id: string; error: FieldError | null }) {
  return error ? (
    <span id={id} className="field-error" role="alert">
      {fieldErrorText(error)}
    </span>
  ) : null;
}

interface CodeFieldProps {
  ids: { list: string; error: string };
  text: string;
  parsed: Parsed<number>;
  /** The code's name in the connection's context ('' when it has none). */
  nameOf(code: number): string;
  onChange(text: string): void;
}

export function CodeField({ ids, text, parsed, nameOf, onChange }: CodeFieldProps) {
  return (
    <>
      <label>
        {t('panel_sim_code')}
        <input
          data-testid="simulate-code"
          inputMode="numeric"
          list={ids.list}
          size={6}
          value={text}
          aria-invalid={!parsed.ok}
          aria-describedby={parsed.ok ? undefined : ids.error}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      <datalist id={ids.list}>
        {COMMON_CODES.map((c) => (
          <option key={c} value={c} label={t('panel_sim_code_option', [c, nameOf(c)])} />
        ))}
      </datalist>
      {parsed.ok ? <span className="sim-code-name">{nameOf(parsed.value) || t('panel_sim_unknown_code')}</span> : null}
      <FieldMessage id={ids.error} error={parsed.ok ? null : parsed.error} />
    </>
  );
}

export function ReasonField({
  id,
  text,
  parsed,
  onChange,
}: {
  id: string;
  text: string;
  parsed: Parsed<string>;
  onChange(text: string): void;
}) {
  return (
    <>
      <label>
        {t('panel_sim_reason')}
        <input
          data-testid="simulate-reason"
          value={text}
          aria-invalid={!parsed.ok}
          aria-describedby={id}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {parsed.ok ? (
        <span id={id} className="muted">
          {t('panel_sim_reason_bytes', [utf8Bytes(text)])}
        </span>
      ) : (
        <FieldMessage id={id} error={parsed.error} />
      )}
    </>
  );
}

interface SecondsRowProps {
  /** Catalog id of the field's label. */
  labelId: string;
  testId: string;
  errorId: string;
  max: number;
  text: string;
  parsed: Parsed<number>;
  onChange(text: string): void;
  /** The action the seconds are for. */
  button: ReactNode;
}

/** A number of seconds and the action that uses it (an outage, a stall). */
export function SecondsRow({ labelId, testId, errorId, max, text, parsed, onChange, button }: SecondsRowProps) {
  return (
    <div className="sim-actions">
      <label>
        {t(labelId)}
        <input
          data-testid={testId}
          type="number"
          min={1}
          max={max}
          step={1}
          value={text}
          aria-invalid={!parsed.ok}
          aria-describedby={parsed.ok ? undefined : errorId}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {button}
      <FieldMessage id={errorId} error={parsed.ok ? null : parsed.error} />
    </div>
  );
}
