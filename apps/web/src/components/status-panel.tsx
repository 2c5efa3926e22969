import type { ReactNode } from 'react';

type Tone = 'loading' | 'empty' | 'error';

interface StatusPanelProps {
  tone: Tone;
  title: string;
  children?: ReactNode;
}

/** The one way to say "loading", "nothing here" or "this failed", so no section is ever blank. */
export function StatusPanel({ tone, title, children }: StatusPanelProps) {
  return (
    <div className={`status-panel status-panel--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p className="status-panel__title">{title}</p>
      {children ? <div className="status-panel__body">{children}</div> : null}
    </div>
  );
}
