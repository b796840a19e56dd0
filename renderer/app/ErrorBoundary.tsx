/** Catches render errors of a screen so one broken view never blanks the whole app. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
  /** Changing this (e.g. the route) clears a caught error. */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey: string | undefined;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen failed to render', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <ErrorPanel
          error={this.state.error}
          onRetry={() => {
            this.setState({ error: null });
          }}
        />
      );
    }
    return this.props.children;
  }
}

function ErrorPanel({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <section role="alert" className="error-panel" aria-labelledby="error-title">
      <h2 id="error-title">{t('errors.title')}</h2>
      <p>{t('errors.explanation')}</p>
      <details>
        <summary>{t('errors.details')}</summary>
        <pre>{error.message}</pre>
      </details>
      <div className="actions">
        <button type="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
        <button
          type="button"
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('errors.reload')}
        </button>
      </div>
    </section>
  );
}
