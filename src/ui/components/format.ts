/**
 * Number and time formatting shared by the panel and popup. Units are catalog
 * text, so every visible string still goes through t().
 */
import { currentIntlLocale, t } from '../../i18n/translate';
import { formatList, formatNumber } from '../../i18n/numbers';
import { DELAYS_LISTED } from '../../analysis/format';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export interface TimeOptions {
  /** A BCP 47 tag; undefined means the chosen UI language's locale. */
  locale?: string;
  /** Add the date (for text read later or elsewhere, such as copied summaries). */
  date?: boolean;
  /** Add the time zone's short name. */
  zone?: boolean;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The one time format of the panel, popup and copied text: the locale's own
 * order, digits and hour cycle (24-hour where the locale uses it), with
 * milliseconds like DevTools' Network panel. Formatters are cached per locale
 * and options, since a table formats thousands of rows.
 */
export function formatTime(epochMs: number, opts: TimeOptions = {}): string {
  const locale = opts.locale ?? currentIntlLocale();
  const key = `${locale}|${opts.date ? 'd' : ''}${opts.zone ? 'z' : ''}`;
  let f = timeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      ...(opts.date && { year: 'numeric', month: '2-digit', day: '2-digit' }),
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 3,
      ...(opts.zone && { timeZoneName: 'short' }),
    });
    timeFormats.set(key, f);
  }
  return f.format(epochMs);
}

/** Wall-clock time of day with milliseconds, in the given (or the browser's) locale. */
export function formatClock(epochMs: number, locale?: string): string {
  return formatTime(epochMs, { locale });
}

/** Seconds with two decimals ("1.07 s"): the precision the verdict rules use. */
export function formatSeconds(s: number): string {
  return t('ui_unit_seconds', [formatNumber(s, 2)]);
}

/**
 * Observed waits ("1.00 s, 2.00 s"): the first DELAYS_LISTED, as verdict sentences name them, and how many
 * more. One wording for the detail's verdict and the reconnect check's report card, which show the same
 * closure's waits side by side.
 */
export function formatDelays(ds: readonly number[]): string {
  const listed = formatList(ds.slice(0, DELAYS_LISTED).map(formatSeconds));
  return ds.length > DELAYS_LISTED ? t('ui_list_more', [listed, ds.length - DELAYS_LISTED]) : listed;
}

/** A duration in ms, in the largest unit that keeps it readable. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return t('ui_unit_ms', [formatNumber(Math.round(ms))]);
  if (ms < 120_000) return formatSeconds(ms / 1000);
  if (ms < 7_200_000) return t('ui_unit_minutes', [formatNumber(ms / 60_000, 1)]);
  return t('ui_unit_hours', [formatNumber(ms / 3_600_000, 1)]);
}

/**
 * A size as a developer reads it (B, KB, MB, scaled by 1024). The counters hold
 * UTF-16 code units for text and bytes for binary (see MessageCounters); the
 * exact unit is stated where the number is shown (sizeNote), not in every cell.
 */
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
