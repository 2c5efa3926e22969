interface StatCardProps {
  label: string;
  value: string;
  detail?: string;
  tone?: 'neutral' | 'good' | 'warn';
  /** Where the number is explained in detail. */
  link?: string;
}

export function StatCard({ label, value, detail, tone = 'neutral', link }: StatCardProps) {
  return (
    <section className={`stat-card stat-card--${tone}`} aria-label={label}>
      <h3 className="stat-card__label">{link ? <a href={link}>{label}</a> : label}</h3>
      <p className="stat-card__value">{value}</p>
      {detail ? <p className="stat-card__detail">{detail}</p> : null}
    </section>
  );
}
