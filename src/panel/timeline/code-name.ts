/** The i18n id of a close code's name, when the knowledge base can name it unambiguously in context. */
import { lookupCode } from '../../knowledge';
import type { CodeContext } from '../../knowledge/types';

export function codeNameId(code: number, ctx: CodeContext): string | undefined {
  const found = lookupCode(code, ctx);
  if (found.kind === 'known') return found.entry.nameId;
  if (found.kind === 'range') return found.range.nameId;
  // Several protocols define it and nothing says which: the number alone is honest.
  return undefined;
}
