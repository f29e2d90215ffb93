/**
 * Number and time formatting shared by the panel and popup. Units are catalog
 * text, so every visible string still goes through t().
 */
import { t } from '../i18n';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local wall-clock time with milliseconds, like DevTools' Network panel. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Seconds with two decimals ("1.07 s"): the precision the verdict rules use. */
export function formatSeconds(s: number): string {
  return t('ui_unit_seconds', [s.toFixed(2)]);
}

/** A duration in ms, in the largest unit that keeps it readable. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return t('ui_unit_ms', [Math.round(ms)]);
  if (ms < 120_000) return formatSeconds(ms / 1000);
  if (ms < 7_200_000) return t('ui_unit_minutes', [(ms / 60_000).toFixed(1)]);
  return t('ui_unit_hours', [(ms / 3_600_000).toFixed(1)]);
}

/** A size in UTF-16 units/bytes (see MessageCounters), scaled by 1024. */
export function formatSize(units: number): string {
  if (units < 1024) return t('ui_unit_size', [units]);
  if (units < 1024 * 1024) return t('ui_unit_size_k', [(units / 1024).toFixed(1)]);
  return t('ui_unit_size_m', [(units / 1024 / 1024).toFixed(1)]);
}

/** The date part of a file name: YYYY-MM-DD in local time. */
export function formatFileDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
