import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installTestMessages } from '../../panel/fixtures/messages';
import { CrashBoundary } from './CrashBoundary';

afterEach(cleanup);

describe('CrashBoundary', () => {
  it('says what failed instead of leaving the view blank, and can render it again', () => {
    installTestMessages();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    function View() {
      if (fail) throw new Error('\u202Ebad value');
      return <p>view</p>;
    }
    const reload = vi.fn();
    render(
      <CrashBoundary reload={reload}>
        <View />
      </CrashBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Closeline hit an error while showing this view:');
    // The message may quote page text: isolated, its controls shown.
    expect(alert.textContent).toContain('U+202Ebad value');
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledOnce();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('view')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    error.mockRestore();
  });
});
