/**
 * Splits a recorded stack into frames so each can link to its source. Accepts
 * V8's "at fn (url:line:col)" and "at url:line:col", and Firefox's
 * "fn@url:line:col". A line that matches neither stays as plain text, and so does
 * a frame whose URL would run or show something other than a source when followed.
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
      if (!followable(url!)) return { text };
      return { text, ...(fn ? { fn } : {}), url, line: Number(line), column: Number(column) } as StackFrame;
    });
}

/**
 * A stack is the page's text (or an imported file's): a frame's "URL" may be `javascript:…` or `data:…`, which
 * a link would run or open rather than lead to a source. Judged by the scheme the browser would parse (it
 * drops tabs and newlines, so `java\tscript:` is `javascript:`); a name with no scheme (a `//# sourceURL`)
 * is a relative link, which leads nowhere harmful.
 */
function followable(url: string): boolean {
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    return true;
  }
  return scheme !== 'javascript:' && scheme !== 'data:' && scheme !== 'vbscript:';
}
