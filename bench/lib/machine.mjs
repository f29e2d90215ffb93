// The machine the numbers came from: they mean little without it.
import { cpus, loadavg, totalmem, release, platform } from 'node:os';

export function machineInfo(chromiumVersion) {
  const c = cpus();
  return {
    cpu: c[0]?.model?.trim() ?? 'unknown',
    cores: c.length,
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${platform()} ${release()}`,
    chromium: chromiumVersion,
    node: process.version,
    date: new Date().toISOString(),
    // Other work on the machine widens the spread; the report shows it.
    loadAtStart: loadavg()[0],
  };
}

export const currentLoad = () => loadavg()[0];
