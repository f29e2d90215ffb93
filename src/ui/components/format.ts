/**
 * Number and time formatting shared by the panel and popup. Units are catalog
 * text, so every visible string still goes through t().
 */
import { currentIntlLocale, t } from '../i18n';
import { formatNumber } from '../locale/numbers';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Local wall-clock time with milliseconds, like DevTools' Network panel, in the locale's digits. */
export function formatClock(epochMs: number): string {
  const locale = currentIntlLocale();
  let f = clocks.get(locale);
  if (!f) {
    const opts = { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hourCycle: 'h23' } as const;
    f = new Intl.DateTimeFormat(locale, opts);
    clocks.set(locale, f);
  }
  return f.format(epochMs);
}

/** A time of day as the chosen language writes it (the popup's glance: no milliseconds). */
export function formatTimeOfDay(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(currentIntlLocale());
}

/** Seconds with two decimals ("1.07 s"): the precision the verdict rules use. */
export function formatSeconds(s: number): string {
  return t('ui_unit_seconds', [formatNumber(s, 2)]);
}

/** A duration in ms, in the largest unit that keeps it readable. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return t('ui_unit_ms', [formatNumber(Math.round(ms))]);
  if (ms < 120_000) return formatSeconds(ms / 1000);
  if (ms < 7_200_000) return t('ui_unit_minutes', [formatNumber(ms / 60_000, 1)]);
  return t('ui_unit_hours', [formatNumber(ms / 3_600_000, 1)]);
}

/** A size in UTF-16 units/bytes (see MessageCounters), scaled by 1024. */
export function formatSize(units: number): string {
  if (units < 1024) return t('ui_unit_size', [formatNumber(units)]);
  if (units < 1024 * 1024) return t('ui_unit_size_k', [formatNumber(units / 1024, 1)]);
  return t('ui_unit_size_m', [formatNumber(units / 1024 / 1024, 1)]);
}

/** The date part of a file name: YYYY-MM-DD in local time. */
export function formatFileDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
