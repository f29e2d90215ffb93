import { describe, expect, it } from 'vitest';
import { reconnectAdvice } from '../knowledge';
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
  const codes = [1000, 3001, 3501, 4004, 4501];

  it.each([
    ['in order', urls],
    ['in reverse order', [...urls].reverse()],
  ])('answers as the knowledge base does without a memo, for every code and URL (%s)', (_, list) => {
    const knowledge = codeKnowledge();
    for (const url of list) {
      const c = conn({ id: url, createdAt: T0, url, openAfter: 5, closeAfter: 100, code: 1000 });
      for (const code of codes)
        expect([url, code, knowledge.adviceFor(code, c)]).toEqual([url, code, reconnectAdvice(code, codeContextOf(c))]);
    }
  });
});
