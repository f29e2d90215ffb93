import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import catalog from '../../public/_locales/en/messages.json';
import { catalogTranslator } from '../i18n/translate';
import type { RenderedRow } from '../audit/render';
import { renderedRow } from './test-rows';
import { toJUnit, xmlText } from './junit';

const t = catalogTranslator(catalog);
const row = (over: Partial<RenderedRow>): RenderedRow =>
  renderedRow({ closureId: '1:0:d:1', rule: 'restart.fits', ...over });
const input = (rows: RenderedRow[]) => ({
  url: 'http://127.0.0.1:9/',
  profileId: 'default',
  startedAt: 0,
  endedAt: 12_345,
  rows,
});
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);

describe('toJUnit', () => {
  it('one test case per row; a problem is a failure with the sentence, advice goes to system-out', () => {
    const xml = toJUnit(
      input([
        row({}),
        row({
          scenario: '1008',
          level: 'problem',
          levelText: 'Problem',
          sentence: 'Blind retry.',
          rule: 'terminal.blind-retry',
        }),
        row({ scenario: '1006', level: 'advice', levelText: 'Advice', sentence: 'Back off more.' }),
      ]),
      t,
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parse(xml);
    expect(doc.testsuites).toMatchObject({ tests: '3', failures: '1', errors: '0', time: '12.345' });
    const cases = doc.testsuites.testsuite.testcase;
    expect(cases.map((c: { name: string }) => c.name)).toEqual([
      '1012: Server closes with 1012',
      '1008: Server closes with 1012',
      '1006: Server closes with 1012',
    ]);
    expect(cases[0].failure).toBeUndefined();
    expect(cases[1].failure).toMatchObject({ message: 'Blind retry.', type: 'terminal.blind-retry' });
    expect(cases[2].failure).toBeUndefined();
    expect(cases[2]['system-out']).toContain('Advice: Back off more.');
    expect(doc.testsuites.testsuite.properties.property).toEqual({ name: 'profile', value: 'default' });
  });

  it('stays well-formed whatever the page put in its URLs and reasons', () => {
    const hostile = 'ws://x/"><![CDATA[ & \u0000\u0007\uFFFE </testcase> \uD800 ]]>';
    const xml = toJUnit(input([row({ endpoint: hostile, sentence: hostile, level: 'problem' })]), t);
    expect(XMLValidator.validate(xml)).toBe(true);
    const c = parse(xml).testsuites.testsuite.testcase;
    expect(c.classname).toBe('ws://x/"><![CDATA[ & \uFFFD\uFFFD\uFFFD </testcase> \uFFFD ]]>');
  });

  it('an empty run is still a valid document', () => {
    expect(XMLValidator.validate(toJUnit(input([]), t))).toBe(true);
  });

  it('xmlText escapes the five special characters', () => {
    expect(xmlText(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
