/**
 * The settings as the source stores them, followed: read at start and again whenever any view (this one,
 * the popup, a panel in another window) stores a change, so that what this view shows, judges, redacts and
 * exports by is never a copy from when it opened. Every answer is numbered when asked: one asked before a
 * change this view has shown since (its own, or a newer answer) is old and not shown over it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../../protocol/messages';
import type { RecordingSource } from './source';

interface Order {
  source: RecordingSource | null;
  asked: number;
  shown: number;
}

export interface FollowedSettings {
  settings: Settings | null;
  /** Shows a change at once, before the source answers (an older answer still on its way is then dropped). */
  show(patch: Partial<Settings>): void;
  /** Shows the source's answer unless a newer one (or a change shown since) is already shown. */
  follow(answer: Promise<Settings>): Promise<Settings>;
}

export function useFollowedSettings(source: RecordingSource): FollowedSettings {
  const [settings, setSettings] = useState<Settings | null>(null);
  const order = useRef<Order>({ source: null, asked: 0, shown: 0 });
  const follow = useCallback((answer: Promise<Settings>) => {
    const o = order.current;
    const n = ++o.asked;
    return answer.then((s) => {
      // An answer for a source no longer shown, or older than what is shown, changes nothing.
      if (order.current === o && n > o.shown) {
        o.shown = n;
        setSettings(s);
      }
      return s;
    });
  }, []);
  const show = useCallback((patch: Partial<Settings>) => {
    const o = order.current;
    o.shown = ++o.asked;
    setSettings((s) => (s ? { ...s, ...patch } : s));
  }, []);
  useEffect(() => {
    order.current = { source, asked: 0, shown: 0 };
    const read = () => void follow(source.getSettings()).catch(() => undefined);
    read();
    const stop = source.watchSettings?.(read);
    return () => {
      // Answers still on their way are for this source: none is shown once it is gone.
      order.current = { source: null, asked: 0, shown: 0 };
      stop?.();
    };
  }, [source, follow]);
  return { settings, show, follow };
}
