/** How one kept message is shown: JSON pretty-printed when it parses, else as it came. Pure. */
import type { LastMessage } from '../../protocol/recording';

export function displayText(m: LastMessage): string | undefined {
  if (m.text !== undefined) {
    if (!m.cut) {
      const trimmed = m.text.trim();
      if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        try {
          return JSON.stringify(JSON.parse(trimmed), null, 2);
        } catch {
          // not JSON after all: shown as it came
        }
      }
    }
    return m.text;
  }
  if (m.hex !== undefined) return m.hex.replace(/(..)(?!$)/g, '$1 ');
  return undefined;
}
