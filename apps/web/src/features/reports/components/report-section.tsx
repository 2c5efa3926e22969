import type { ReactNode } from 'react';

/** A titled section of the report. */
export function ReportSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel reports__section" aria-label={title}>
      <h2 className="panel__title">{title}</h2>
      {children}
    </section>
  );
}

/** A row of labelled figures, wrapping on a narrow screen. */
export function ReportCounters({ label, items }: { label: string; items: ReadonlyArray<[string, string]> }) {
  return (
    <dl className="counter-row reports__counters" aria-label={label}>
      {items.map(([name, value]) => (
        <div key={name} className="counter">
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
