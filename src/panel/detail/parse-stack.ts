/**
 * Splits a recorded stack into frames so each can link to its source. Accepts
 * V8's "at fn (url:line:col)" and "at url:line:col", and Firefox's
 * "fn@url:line:col". A line that matches neither stays as plain text.
 */
export interface StackFrame {
  text: string;
  fn?: string;
  url?: string;
  /** 1-based, as printed. */
  line?: number;
  column?: number;
}

const V8 = /^\s*at\s+(?:(.*?)\s+\()?(.+?):(\d+):(\d+)\)?\s*$/;
const FIREFOX = /^\s*(.*?)@(.+?):(\d+):(\d+)\s*$/;

export function parseStack(stack: string): StackFrame[] {
  return stack
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== 'Error')
    .map((text) => {
      const m = V8.exec(text) ?? FIREFOX.exec(text);
      if (!m) return { text };
      const [, fn, url, line, column] = m;
      return { text, ...(fn ? { fn } : {}), url, line: Number(line), column: Number(column) } as StackFrame;
    });
}
