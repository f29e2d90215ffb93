/**
 * A sentence from the analysis core or the import checker (message id + locale-free
 * substitutions, see i18n/numbers.ts) in the current language, as nodes. Numbers, durations
 * and lists of them are localized as tText does; any other non-empty substitution is a string
 * from the page or the imported file (the host a reconnect moved to, a field path, an id),
 * shown as page text so it cannot reorder the sentence.
 */
import type { I18nText } from '../../analysis/types';
import { isNumberSub, localizeSub, tText, textId } from '../../i18n/numbers';
import { PageText, tNodes } from './PageText';

const isPageSub = (sub: string) => sub !== '' && !isNumberSub(sub);

export function CatalogText({ text }: { text: I18nText }) {
  const subs = text.subs ?? [];
  if (!subs.some(isPageSub)) return <>{tText(text)}</>;
  return (
    <>
      {tNodes(
        textId(text),
        subs.map((s, i) => (isPageSub(s) ? <PageText key={i} text={s} /> : localizeSub(s))),
      )}
    </>
  );
}
