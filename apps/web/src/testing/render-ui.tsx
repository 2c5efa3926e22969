import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Role } from '../lib/auth/session-schema';
import { I18nProvider } from '../lib/i18n/i18n-provider';

// CI machines run several suites on two cores; a busy jsdom needs more than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

/**
 * Renders one page with the app's providers and no query retries, so errors show at once.
 * Kept free of the env module: specs point VITE_API_BASE at their server before importing pages.
 */
export function renderUi(ui: ReactNode): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nProvider>
      <QueryClientProvider client={client}>{ui}</QueryClientProvider>
    </I18nProvider>,
  );
  return client;
}

/** The body of a successful `POST /auth/login` or `/auth/refresh`. */
export function sessionAnswer(role: Role = 'support', n = 1) {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    expiresIn: 900,
    user: { username: `agent-${role}`, role, regions: [], merchantIds: [] },
  };
}
