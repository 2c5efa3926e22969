/** A JSON call against a test app: status, parsed body and headers. */
export interface JsonReply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are checked with expect()
  body: any;
  headers: Headers;
}

export async function callJson(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<JsonReply> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text so a failing assertion shows it
  }
  return { status: response.status, body, headers: response.headers };
}

export async function loginToken(baseUrl: string, username: string, password: string): Promise<string> {
  const reply = await callJson(baseUrl, 'POST', '/auth/login', { body: { username, password } });
  if (reply.status !== 200)
    throw new Error(`login ${username} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.accessToken as string;
}
