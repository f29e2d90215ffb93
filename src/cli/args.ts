/**
 * `closeline audit <url> [options]`: the command line's arguments, checked
 * before any browser starts. Pure, so every usage error is table-tested.
 */
import { resolve } from 'node:path';
import { profiles } from '../analysis';
import { DEFAULT_SCENARIOS, parseScenarios } from '../audit/scenarios';

export interface CliOptions {
  url: string;
  scenarios: string[];
  profileId: string;
  endpointPrefix?: string;
  jsonPath?: string;
  junitPath?: string;
  chromiumPath?: string;
  socketWaitS: number;
  timeScale: number;
}

export type Translate = (id: string, subs?: string[]) => string;

export type ParsedArgs = { kind: 'help' } | { kind: 'run'; options: CliOptions } | { kind: 'error'; message: string };

export const DEFAULT_SOCKET_WAIT_S = 15;

const VALUE_OPTIONS = new Set([
  '--scenarios',
  '--profile',
  '--endpoint',
  '--json',
  '--junit',
  '--chromium',
  '--socket-wait',
  '--time-scale',
]);

export function usage(t: Translate): string {
  return t('cli_usage', [
    DEFAULT_SCENARIOS.join(','),
    profiles.map((p) => p.id).join(', '),
    String(DEFAULT_SOCKET_WAIT_S),
  ]);
}

export function parseArgs(argv: readonly string[], t: Translate): ParsedArgs {
  const fail = (message: string): ParsedArgs => ({ kind: 'error', message });
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return { kind: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'audit') return fail(t('cli_err_command', [String(command)]));
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    // A URL never starts with a dash: "-j" is an option this command does not have, not a second argument.
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!VALUE_OPTIONS.has(name)) return fail(t('cli_err_option', [name]));
    const value = eq < 0 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--')))
      return fail(t('cli_err_value', [name]));
    values.set(name, value);
  }
  if (positional.length === 0) return fail(t('cli_err_no_url'));
  if (positional.length > 1) return fail(t('cli_err_extra', [positional[1] as string]));
  const url = positional[0] as string;
  if (!isPageUrl(url)) return fail(t('cli_err_url', [url]));

  const scenarios = parseScenarios(values.get('--scenarios') ?? DEFAULT_SCENARIOS);
  if (!scenarios.ok) return fail(t('cli_err_scenario', [scenarios.bad]));
  const profileId = values.get('--profile') ?? 'default';
  if (!profiles.some((p) => p.id === profileId))
    return fail(t('cli_err_profile', [profileId, profiles.map((p) => p.id).join(', ')]));
  const socketWaitS = numberIn(values.get('--socket-wait'), DEFAULT_SOCKET_WAIT_S, 0, 600);
  if (socketWaitS === undefined) return fail(t('cli_err_number', ['--socket-wait', '0–600']));
  const timeScale = numberIn(values.get('--time-scale'), 1, 0, 1);
  if (timeScale === undefined || timeScale === 0) return fail(t('cli_err_number', ['--time-scale', '(0, 1]']));

  const options: CliOptions = {
    url,
    scenarios: scenarios.scenarios.map((s) => s.id),
    profileId,
    socketWaitS,
    timeScale,
  };
  const optional = {
    '--endpoint': 'endpointPrefix',
    '--json': 'jsonPath',
    '--junit': 'junitPath',
    '--chromium': 'chromiumPath',
  } as const;
  for (const [flag, key] of Object.entries(optional)) {
    const v = values.get(flag);
    if (v !== undefined) options[key] = v;
  }
  // One report would overwrite the other, found only after the whole run.
  const { jsonPath, junitPath } = options;
  if (jsonPath !== undefined && junitPath !== undefined && resolve(jsonPath) === resolve(junitPath))
    return fail(t('cli_err_same_file', [jsonPath]));
  return { kind: 'run', options };
}

function isPageUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:';
  } catch {
    return false;
  }
}

function numberIn(text: string | undefined, fallback: number, min: number, max: number): number | undefined {
  if (text === undefined) return fallback;
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : NaN;
  return n >= min && n <= max ? n : undefined;
}
