/**
 * A view that throws while rendering no longer leaves a blank panel or popup: React unmounts
 * everything under a render error, so without a boundary a single bad value took the whole view
 * with it, with nothing to say why. This one says what failed and offers to try again (state is
 * rebuilt from the source) or to reload the view.
 */
import { Component, type ReactNode } from 'react';
import { t } from '../../i18n/translate';
import { Banner } from './Banner';
import { PageText } from './PageText';

interface Props {
  children: ReactNode;
  /** Reloads the view's document (location.reload in the extension; a spy in tests). */
  reload?: () => void;
}

interface State {
  error: string | null;
}

export class CrashBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    // The message only: a stack names the extension's own files and says nothing to a user.
    const text = error instanceof Error ? error.message : String(error);
    return { error: text.length > 300 ? `${text.slice(0, 300)}…` : text };
  }

  override componentDidCatch(error: unknown): void {
    console.error('Closeline: a view failed to render', error);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    const reload = this.props.reload ?? (() => location.reload());
    return (
      <Banner
        kind="error"
        actions={
          <>
            <button type="button" onClick={() => this.setState({ error: null })}>
              {t('crash_retry')}
            </button>
            <button type="button" onClick={reload}>
              {t('crash_reload')}
            </button>
          </>
        }
      >
        {t('crash_text')} <PageText text={this.state.error} dir="auto" />
      </Banner>
    );
  }
}
