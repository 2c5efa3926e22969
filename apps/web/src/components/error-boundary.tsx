import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n-provider';
import { StatusPanel } from './status-panel';

interface ErrorBoundaryState {
  error?: Error;
}

function CrashPanel({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <StatusPanel tone="error" title={t('app.crashed')}>
      <p>{error.message}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </StatusPanel>
  );
}

/** Turns a render crash into a readable message instead of a white page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {};

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('dashboard render failed', error, info.componentStack);
  }

  override render() {
    return this.state.error ? <CrashPanel error={this.state.error} /> : this.props.children;
  }
}
