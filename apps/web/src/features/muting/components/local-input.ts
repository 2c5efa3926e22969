/** `<input type="datetime-local">` speaks the browser's local time without a zone; the API wants ISO instants. */

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-07T09:30` for the instant, in the browser's time zone. */
export function toLocalInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a local input names, as ISO; the text as typed when it names none, so the API says why. */
export function fromLocalInput(value: string): string {
  const at = new Date(value).getTime();
  return Number.isNaN(at) ? value : new Date(at).toISOString();
}
