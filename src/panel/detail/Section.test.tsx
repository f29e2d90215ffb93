import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { titleNodes } from './Section';

afterEach(cleanup);

const html = (text: string) => render(<h3>{titleNodes(text)}</h3>).container.innerHTML;

describe('titleNodes: the calls a title names keep their case', () => {
  it.each([
    ['close() called from', '<h3><code>close()</code> called from</h3>'],
    ['استُدعي close() من', '<h3>استُدعي <code>close()</code> من</h3>'],
    ['close() यहाँ से कॉल हुआ', '<h3><code>close()</code> यहाँ से कॉल हुआ</h3>'],
    ['client.terminate() and ws.close()', '<h3><code>client.terminate()</code> and <code>ws.close()</code></h3>'],
    ['Reconnect verdict', '<h3>Reconnect verdict</h3>'],
    ['A (parenthesis) is no call', '<h3>A (parenthesis) is no call</h3>'],
  ])('%s', (text, want) => {
    expect(html(text)).toBe(want);
  });
});
