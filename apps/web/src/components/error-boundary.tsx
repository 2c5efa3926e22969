import { Component, type ErrorInfo, type ReactNode } from 'react';
import { StatusPanel } from './status-panel';

interface ErrorBoundaryState {
  error?: Error;
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
    if (this.state.error) {
      return (
        <StatusPanel tone="error" title="The dashboard hit an unexpected error">
          <p>{this.state.error.message}</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </StatusPanel>
      );
    }
    return this.props.children;
  }
}
