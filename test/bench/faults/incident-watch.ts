/**
 * Polls the platform's HTTP API throughout the run. The fleet is healthy, so any
 * CARRIER_OUTAGE / HOST_MAINTENANCE incident is false, and so is an OFFLINE cause on the
 * at-risk list that lasts past the recovery window.
 */
const FALSE_INCIDENT_TYPES = ['CARRIER_OUTAGE', 'HOST_MAINTENANCE'];

export class IncidentWatch {
  private token: string | undefined;
  private readonly falseIncidents = new Set<string>();
  private readonly offlineSince = new Map<string, number>();
  private readonly falseOffline = new Set<string>();
  pollErrors = 0;
  /** What the last poll saw: whether it answered, open group incidents, OFFLINE terminals. */
  private last = { answered: false, openIncidents: 0, offline: 0 };

  constructor(
    private readonly baseUrl: string,
    private readonly user: string,
    private readonly password: string,
    private readonly recoveryWindowMs: number,
  ) {}

  get count(): number {
    return this.falseIncidents.size + this.falseOffline.size;
  }

  describe(): string {
    return `${this.falseIncidents.size} group incidents, ${this.falseOffline.size} terminals OFFLINE past ${this.recoveryWindowMs / 1000} s`;
  }

  /** The at-risk list and incidents answered at the last poll and are whole: no outage, nobody OFFLINE. */
  get whole(): boolean {
    return this.last.answered && this.last.openIncidents === 0 && this.last.offline === 0;
  }

  async poll(now = Date.now()): Promise<void> {
    try {
      const incidents = listOf(await this.get('/api/v1/incidents'));
      for (const incident of incidents) {
        const text = JSON.stringify(incident);
        if (FALSE_INCIDENT_TYPES.some((type) => text.includes(`"${type}"`)))
          this.falseIncidents.add(String(incident.id ?? text));
      }
      const atRisk = await this.get('/api/v1/terminals/at-risk?limit=5000&cause=OFFLINE');
      const seen = new Set<string>();
      for (const item of listOf(atRisk)) {
        const id = String(item.terminalId ?? item.id);
        seen.add(id);
        const since = this.offlineSince.get(id) ?? now;
        this.offlineSince.set(id, since);
        if (now - since > this.recoveryWindowMs) this.falseOffline.add(id);
      }
      for (const id of [...this.offlineSince.keys()]) if (!seen.has(id)) this.offlineSince.delete(id);
      this.last = { answered: true, openIncidents: incidents.length, offline: seen.size };
    } catch {
      this.last = { answered: false, openIncidents: 0, offline: 0 };
      this.pollErrors += 1; // the platform is down during some faults; that is expected
      this.token = undefined;
    }
  }

  private async get(path: string): Promise<unknown> {
    this.token ??= await this.login();
    const res = await fetch(this.baseUrl + path, { headers: { authorization: `Bearer ${this.token}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.json();
  }

  private async login(): Promise<string> {
    const res = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: this.user, password: this.password }),
    });
    if (!res.ok) throw new Error(`login: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }
}

function listOf(body: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(body)) return body as Array<Record<string, unknown>>;
  const items = (body as { items?: unknown }).items;
  return Array.isArray(items) ? (items as Array<Record<string, unknown>>) : [];
}
