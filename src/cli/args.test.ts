import { describe, expect, it } from 'vitest';
import catalog from '../../public/_locales/en/messages.json';
import { catalogTranslator } from '../i18n/translate';
import { parseArgs, usage } from './args';

const t = catalogTranslator(catalog);
const URL_ = 'http://127.0.0.1:8080/app';

describe('parseArgs', () => {
  it('defaults: every scenario in run order, the default profile, 15 s for the first socket, no scaling', () => {
    expect(parseArgs(['audit', URL_], t)).toEqual({
      kind: 'run',
      options: {
        url: URL_,
        scenarios: ['1012', '1013', '1006', 'outage:30', '1008'],
        profileId: 'default',
        socketWaitS: 15,
        timeScale: 1,
      },
    });
  });

  it('every option, in both spellings', () => {
    const got = parseArgs(
      [
        'audit',
        '--scenarios',
        '1008,outage:5',
        URL_,
        '--profile=rfc6455',
        '--endpoint',
        'ws://127.0.0.1:8080/live',
        '--json',
        'out.json',
        '--junit=out.xml',
        '--chromium',
        '/opt/chromium',
        '--socket-wait',
        '3',
        '--time-scale',
        '0.25',
      ],
      t,
    );
    expect(got).toEqual({
      kind: 'run',
      options: {
        url: URL_,
        scenarios: ['outage:5', '1008'],
        profileId: 'rfc6455',
        endpointPrefix: 'ws://127.0.0.1:8080/live',
        jsonPath: 'out.json',
        junitPath: 'out.xml',
        chromiumPath: '/opt/chromium',
        socketWaitS: 3,
        timeScale: 0.25,
      },
    });
  });

  it.each([
    ['.5', 0.5],
    ['0.5', 0.5],
    ['1.', 1],
  ])('--time-scale %s is read as %f', (text, scale) => {
    expect(parseArgs(['audit', URL_, '--time-scale', text], t)).toMatchObject({ options: { timeScale: scale } });
  });

  it.each([[[]], [['--help']], [['audit', URL_, '-h']]])('%j asks for help', (argv) => {
    expect(parseArgs(argv, t)).toEqual({ kind: 'help' });
  });

  it.each<[string[], string]>([
    [['check', URL_], 'unknown command "check" (the one command is "audit")'],
    [['audit'], 'the URL to check is missing'],
    [['audit', URL_, 'http://other/'], 'unexpected argument "http://other/"'],
    [['audit', 'example.com'], '"example.com" is not an http, https or file URL'],
    [['audit', 'javascript:alert(1)'], '"javascript:alert(1)" is not an http, https or file URL'],
    [['audit', URL_, '--bogus'], 'unknown option --bogus'],
    [['audit', '-j', 'out.json', URL_], 'unknown option -j'],
    [['audit', URL_, '-v'], 'unknown option -v'],
    [['audit', URL_, '--json'], '--json needs a value'],
    [['audit', URL_, '--json', '--junit', 'x.xml'], '--json needs a value'],
    [
      ['audit', URL_, '--scenarios', '1012,1000'],
      'unknown scenario "1000" (use 1012, 1013, 1008, 1006, outage:<1-600> or stall:<1-600>)',
    ],
    [
      ['audit', URL_, '--scenarios', 'outage:0'],
      'unknown scenario "outage:0" (use 1012, 1013, 1008, 1006, outage:<1-600> or stall:<1-600>)',
    ],
    [['audit', URL_, '--profile', 'strict'], 'unknown profile "strict" (use one of: default, iana, rfc6455)'],
    [['audit', URL_, '--socket-wait', '-1'], '--socket-wait must be a number in 0–600'],
    [['audit', URL_, '--time-scale', '0'], '--time-scale must be a number in (0, 1]'],
    [['audit', URL_, '--time-scale', '2'], '--time-scale must be a number in (0, 1]'],
    [['audit', URL_, '--time-scale', '.'], '--time-scale must be a number in (0, 1]'],
    [['audit', URL_, '--socket-wait', '1e1'], '--socket-wait must be a number in 0–600'],
    [
      ['audit', URL_, '--json', 'out/r.xml', '--junit', './out/../out/r.xml'],
      '--json and --junit name the same file, out/r.xml: give each report its own',
    ],
  ])('%j: %s', (argv, message) => {
    expect(parseArgs(argv, t)).toEqual({ kind: 'error', message });
  });

  it('the usage text names the defaults and the profiles', () => {
    const text = usage(t);
    expect(text).toContain('default: 1012,1013,1006,outage:30,1008');
    expect(text).toContain('default, iana, rfc6455');
    expect(text).toContain('Exit status: 0');
  });
});
