/**
 * Runs simulations through the live source and keeps the last outcome. The
 * outcome lives here, above the detail pane, because a simulated close turns
 * the selected open row into a closure row: the pane changes, the message stays.
 */
import { useCallback, useRef, useState } from 'react';
import type { SimulateCommand } from '../../protocol/messages';
import type { RecordingSource } from '../../ui/data/source';

export type SimulateScope = 'connection' | 'endpoint';

export interface SimResult {
  connectionId: string;
  /** The action as the user saw it (the button's label). */
  label: string;
  state: 'pending' | 'ok' | 'error';
  /** The background's reason when it refused. */
  message?: string;
}

export type RunSimulation = (
  connectionId: string,
  label: string,
  command: SimulateCommand,
  scope: SimulateScope,
) => Promise<void>;

export interface Simulation {
  /** Absent when the data cannot be simulated on (an imported file, a source without simulate). */
  run?: RunSimulation;
  result: SimResult | null;
}

export function useSimulation(source: RecordingSource, enabled: boolean): Simulation {
  const [result, setResult] = useState<SimResult | null>(null);
  // Only the latest request may write its outcome: an older answer arriving late must not overwrite it.
  const latest = useRef(0);
  const run = useCallback<RunSimulation>(
    async (connectionId, label, command, scope) => {
      if (!source.simulate) return;
      const n = ++latest.current;
      const settle = (r: SimResult) => {
        if (n === latest.current) setResult(r);
      };
      setResult({ connectionId, label, state: 'pending' });
      try {
        await source.simulate(connectionId, command, scope);
        settle({ connectionId, label, state: 'ok' });
      } catch (e) {
        settle({ connectionId, label, state: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    },
    [source],
  );
  return { run: enabled && source.live && source.simulate ? run : undefined, result };
}
