/**
 * The report card as text, one translator in: the panel shows these strings, the
 * audit page hands them to the CLI (which has no browser i18n of its own), so
 * both faces say the same thing. Pure: the translator is injected; a counted sentence's
 * form follows the plural rules of the language in use (src/i18n/plural.ts).
 */
import type { I18nText } from '../analysis/types';
import { textId } from '../i18n/numbers';
import { pluralId } from '../i18n/plural';
import { parseScenario } from './scenarios';
import type { AuditReport, AuditRow } from './types';

export type Translate = (id: string, subs?: string[]) => string;

export interface RenderedRow {
  endpoint: string;
  scenario: string;
  scenarioText: string;
  level: AuditRow['level'];
  levelText: string;
  /** "1.00, 2.00 s", or "" when there were none. */
  delays: string;
  expected: string;
  /** The verdict's sentence (or why nothing was judged). */
  sentence: string;
  outcomeText: string;
  closureId?: string;
  /** The verdict's rule id (stable, for machines). */
  rule?: string;
}

/** An analysis text; a counted one names its plural family, whose member is chosen here. */
const say = (t: Translate, x: I18nText) => t(textId(x), x.subs);

export function delaysText(t: Translate, delays: readonly number[]): string {
  return delays.length ? t('ui_unit_seconds', [delays.map((d) => d.toFixed(2)).join(', ')]) : '';
}

export function renderRow(t: Translate, row: AuditRow): RenderedRow {
  const scenario = parseScenario(row.scenario);
  const sentence = row.verdict
    ? say(t, row.verdict.text)
    : (row.message ?? t(`audit_outcome_${row.outcome.replace(/-/g, '_')}`));
  return {
    endpoint: row.endpoint,
    scenario: row.scenario,
    scenarioText: scenario ? say(t, scenario.label) : row.scenario,
    level: row.level,
    levelText: row.level === 'not-run' ? t('audit_level_not_run') : t(`ui_verdict_${row.level}`),
    delays: delaysText(t, row.delaysS),
    expected: row.verdict?.expected ? say(t, row.verdict.expected.text) : '',
    sentence,
    outcomeText: t(`audit_outcome_${row.outcome.replace(/-/g, '_')}`),
    ...(row.closureId !== undefined && { closureId: row.closureId }),
    ...(row.verdict && { rule: row.verdict.rule }),
  };
}

/** What a cancelled run did, in one or two sentences. */
export function cancelText(t: Translate, report: Pick<AuditReport, 'cancelled' | 'scenarios'>): string {
  const c = report.cancelled;
  if (!c) return '';
  // The scenarios finished before it are the count the sentence's noun agrees with.
  const finished = c.index - 1;
  const done = t(pluralId('audit_cancelled', finished), [
    String(finished),
    String(c.index),
    String(report.scenarios.length),
    c.scenario,
  ]);
  return c.outageLeftS > 0 ? `${done} ${t('audit_cancelled_outage', [String(c.outageLeftS)])}` : done;
}
