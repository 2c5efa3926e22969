import type { ReactNode } from 'react';

export function Layout({ children }: { children: ReactNode }) {
  return (
    <div className="layout">
      <header className="layout__header">
        <h1 className="layout__title">Fleet Monitor</h1>
        <span className="layout__subtitle">Support centre</span>
      </header>
      <main className="layout__main">{children}</main>
    </div>
  );
}
