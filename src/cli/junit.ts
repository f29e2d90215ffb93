/**
 * The JUnit XML report: one test case per endpoint × scenario; a problem is a
 * failure, advice and undecided verdicts are printed in system-out. Page-made
 * strings (URLs, close reasons inside sentences) are escaped, and characters
 * XML 1.0 cannot hold are replaced, so any page gives a well-formed file.
 */
import type { RenderedRow } from '../audit/render';
import type { Translate } from './args';

export interface JUnitInput {
  url: string;
  profileId: string;
  startedAt: number;
  endedAt: number;
  rows: readonly RenderedRow[];
}

// Tab, newline, carriage return and the ranges XML 1.0 allows; everything else (NUL, other C0, lone surrogates,
// U+FFFE/F) goes.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function details(r: RenderedRow): string {
  return [
    r.scenarioText,
    r.outcomeText,
    r.delays && `delays: ${r.delays}`,
    r.expected && `expected: ${r.expected}`,
    r.closureId && `closure: ${r.closureId}`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function toJUnit(input: JUnitInput, t: Translate): string {
  const failures = input.rows.filter((r) => r.level === 'problem').length;
  const seconds = ((input.endedAt - input.startedAt) / 1000).toFixed(3);
  const suite = xmlText(t('cli_junit_suite', [input.url]));
  const cases = input.rows.map((r) => {
    const attrs = `classname="${xmlText(r.endpoint)}" name="${xmlText(`${r.scenario}: ${r.scenarioText}`)}"`;
    const body: string[] = [];
    if (r.level === 'problem')
      body.push(
        `      <failure message="${xmlText(r.sentence)}" type="${xmlText(r.rule ?? 'problem')}">` +
          `${xmlText(details(r))}</failure>`,
      );
    const out =
      r.level === 'advice'
        ? t('cli_junit_advice', [r.sentence])
        : r.level === 'pending'
          ? t('cli_junit_pending', [r.sentence])
          : `${r.levelText}: ${r.sentence}`;
    body.push(`      <system-out>${xmlText(`${out}\n${details(r)}`)}</system-out>`);
    return `    <testcase ${attrs}>\n${body.join('\n')}\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="closeline" tests="${input.rows.length}" failures="${failures}" errors="0" time="${seconds}">`,
    `  <testsuite name="${suite}" tests="${input.rows.length}" failures="${failures}" errors="0" skipped="0" ` +
      `time="${seconds}" timestamp="${new Date(input.startedAt).toISOString()}">`,
    `    <properties><property name="profile" value="${xmlText(input.profileId)}"/></properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
