/** Test-only: one judged row of the reconnect check, as the command line renders it. */
import type { RenderedRow } from '../audit/render';

export const renderedRow = (over: Partial<RenderedRow>): RenderedRow => ({
  endpoint: 'ws://127.0.0.1:9/live',
  scenario: '1012',
  scenarioText: 'Server closes with 1012',
  level: 'fits',
  levelText: 'Fits',
  delays: '1.50 s',
  expected: '1–5 s',
  sentence: 'Reconnected after 1.50 s.',
  outcomeText: 'Reconnected and stayed open',
  ...over,
});
