/**
 * The close-code knowledge base: pure data and lookups, no browser APIs.
 * Every text is an i18n message id; render it with t() from src/i18n.
 */
import { CENTRIFUGO_ENTRIES, CENTRIFUGO_RANGES } from './codes-centrifugo';
import { DISCORD_ENTRIES } from './codes-discord';
import { GRAPHQL_WS_ENTRIES } from './codes-graphql-ws';
import { STANDARD_ENTRIES } from './codes-rfc';
import { COMPARISONS } from './comparisons';
import { STANDARD_RANGES } from './ranges';
import type { CodeEntry, CodeRange, Comparison } from './types';

export { categoryOf, establishedAdvice, lookupCode, reconnectAdvice } from './lookup';
export { comparisonsFor } from './comparisons';
export { detectProtocols } from './protocols';
export { adviceLabelId, ALL_ADVICE, ALL_CATEGORIES, categoryLabelId, protocolLabelId } from './labels';
export type * from './types';

/** Every entry: the standard codes first, then each protocol's, by code. */
export function allEntries(): readonly CodeEntry[] {
  return [...STANDARD_ENTRIES, ...GRAPHQL_WS_ENTRIES, ...DISCORD_ENTRIES, ...CENTRIFUGO_ENTRIES];
}

export function allComparisons(): readonly Comparison[] {
  return COMPARISONS;
}

/** The standard ranges (covering 0–65535), then protocol-specific range conventions. */
export function allRanges(): readonly CodeRange[] {
  return [...STANDARD_RANGES, ...CENTRIFUGO_RANGES];
}
