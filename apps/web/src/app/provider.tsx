import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import { I18nProvider } from '../lib/i18n/i18n-provider';
import { createQueryClient } from './query-client';

export function AppProvider({ children }: { children: ReactNode }) {
  // One client per mounted app, so tests and hot reloads never share a cache.
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider>
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </ErrorBoundary>
    </I18nProvider>
  );
}
