import { afterEach, describe, expect, it } from 'vitest';
import { catalogTranslator, setTranslator } from '../../i18n/translate';
import type { MessageCounters } from '../../protocol/recording';
import { localeCatalog } from '../../test-support/locale-catalog';
import type { Row } from '../model/rows';
import { messagesTitle } from './columns';

afterEach(() => setTranslator(catalogTranslator(localeCatalog('en'))));

const rowWith = (counters: MessageCounters) => ({ connection: { counters } }) as unknown as Row;
const NOTE_EN = 'Text is counted in UTF-16 code units, binary data in bytes (not UTF-8 bytes on the wire).';

describe('messagesTitle says each count in the plural form of the language', () => {
  it.each<[string, [number, number, number, number], string]>([
    ['en', [1, 1, 1, 1], `Sent 1 message (1 unit), received 1 message (1 unit). ${NOTE_EN}`],
    ['en', [3, 96, 0, 0], `Sent 3 messages (96 units), received 0 messages (0 units). ${NOTE_EN}`],
    ['ar', [1, 2, 3, 11], 'أُرسلت رسالة واحدة (وحدتان)، واستُلمت 3 رسائل (11 وحدة).'],
    ['ar', [2, 5, 100, 1], 'أُرسلت رسالتان (5 وحدات)، واستُلمت 100 رسالة (وحدة واحدة).'],
    ['hi', [1, 4, 2, 8], 'भेजे गए संदेश: 1 (4 यूनिट), मिले संदेश: 2 (8 यूनिट)।'],
  ])('%s %j', (lang, [sentMessages, sentSize, receivedMessages, receivedSize], want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    expect(messagesTitle(rowWith({ sentMessages, sentSize, receivedMessages, receivedSize }))).toMatch(
      new RegExp(`^${want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });
});
