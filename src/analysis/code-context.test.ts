import { describe, expect, it } from 'vitest';
import { establishedAdvice, reconnectAdvice } from '../knowledge';
import { codeContextOf, codeKnowledge } from './code-context';
import { conn, T0 } from './test-fixtures';

describe('codeKnowledge', () => {
  // Trailing spaces are part of the path before a query and trimmed at the very end: a matcher that
  // reads the path (Centrifugo's /connection/websocket) tells these apart, so the memo must too.
  const urls = [
    'wss://rt.example/connection/websocket',
    'wss://rt.example/connection/websocket ?t=1',
    'wss://rt.example/connection/websocket ',
    'wss://rt.example/connection/websocket?t=2',
    'wss://gateway.discord.gg/?v=10',
    'wss://other.example/ws#x',
  ];
  const codes = [1000, 3000, 3001, 3003, 3501, 4004, 4501];

  it.each([
    ['in order', urls],
    ['in reverse order', [...urls].reverse()],
  ])('answers as the knowledge base does without a memo, for every code and URL (%s)', (_, list) => {
    const knowledge = codeKnowledge();
    for (const url of list) {
      const c = conn({ id: url, createdAt: T0, url, openAfter: 5, closeAfter: 100, code: 1000 });
      for (const code of codes) {
        expect([url, code, knowledge.adviceFor(code, c)]).toEqual([url, code, reconnectAdvice(code, codeContextOf(c))]);
        expect([url, code, knowledge.protocolAdviceFor(code, c)]).toEqual([
          url,
          code,
          establishedAdvice(code, codeContextOf(c)),
        ]);
      }
    }
  });

  it.each<[string, number, string | undefined]>([
    // Centrifugo's endpoint establishes its 3000–3499 convention, before the registry's 3003.
    ['wss://rt.example/connection/websocket', 3003, 'app-choice'],
    ['wss://rt.example/connection/websocket', 3500, 'do-not-resend'],
    // Nowhere else does a protocol give 3003 its meaning: the registry's is no protocol's.
    ['wss://other.example/ws', 3003, undefined],
    ['wss://other.example/ws', 4004, undefined],
    ['wss://gateway.discord.gg/?v=10', 4004, 'do-not-resend'],
    // 1000–2999 belong to the WebSocket protocol itself.
    ['wss://rt.example/connection/websocket', 1008, undefined],
  ])("an established protocol's advice: %s %i -> %s", (url, code, want) => {
    const c = conn({ id: 'x', createdAt: T0, url, openAfter: 5, closeAfter: 100, code: 1000 });
    expect(codeKnowledge().protocolAdviceFor(code, c)).toBe(want);
  });
});
