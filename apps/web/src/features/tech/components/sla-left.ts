/** "2 h 05 min", "45 min", "3 d 4 h": how long until (or since) an SLA falls due. */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(rest).padStart(2, '0')} min`;
  return `${rest} min`;
}

/** The SLA line of a job: time left, or how long overdue. */
export function slaLeft(slaDueAt: string, now: number): { overdue: boolean; span: string } {
  const left = Date.parse(slaDueAt) - now;
  return { overdue: left < 0, span: formatSpan(left) };
}
