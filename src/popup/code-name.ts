/**
 * The display name of a close code in a connection's context. The knowledge
 * base may answer with several candidates (a 4004 could be graphql-ws's or
 * Discord's); the popup shows them all rather than guess.
 */
import { lookupCode } from '../knowledge';
import { codeContextOf } from '../analysis/code-context';
import type { Connection } from '../protocol/recording';
import { t } from '../i18n/translate';

export function codeName(code: number, conn?: Connection): string {
  const found = lookupCode(code, conn ? codeContextOf(conn) : {});
  switch (found.kind) {
    case 'known':
      return t(found.entry.nameId);
    case 'ambiguous':
      return t('popup_code_ambiguous', [[...new Set(found.entries.map((e) => t(e.nameId)))].join(' / ')]);
    case 'range':
      return t(found.range.nameId);
  }
}
