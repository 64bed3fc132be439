import { DEFAULT_DEMO_PASSWORD } from '@luoshi/contracts';
/** Small HTTP and SSE clients for tests that talk to API processes over real sockets. */

export interface SseEvent {
  type: string;
  unread: number;
  title?: string;
  notificationId?: string;
}

/** A server-sent events connection to /api/notifications/stream; collects the data events it gets. */
export class SseClient {
  readonly events: SseEvent[] = [];
  private readonly controller = new AbortController();
  private closed = false;

  private constructor() {}

  static async open(base: string, accessToken: string): Promise<SseClient> {
    const client = new SseClient();
    // Streams open with a single-use ticket from the same instance (no token in the URL).
    const issued = await fetch(`${base}/api/auth/stream-ticket`, { method: 'POST', headers: { Authorization: `Bearer ${accessToken}` } });
    if (issued.status !== 200) throw new Error(`stream ticket refused: ${issued.status}`);
    const { ticket } = (await issued.json()) as { ticket: string };
    const response = await fetch(`${base}/api/notifications/stream?ticket=${encodeURIComponent(ticket)}`, { signal: client.controller.signal });
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('text/event-stream')) {
      throw new Error(`SSE stream refused: ${response.status}`);
    }
    void client.read(response.body!.getReader());
    return client;
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let boundary = buffer.indexOf('\n\n'); boundary >= 0; boundary = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const data = block.split('\n').find((l) => l.startsWith('data:'));
          if (data && data.length > 6) this.events.push(JSON.parse(data.slice(5)) as SseEvent);
        }
      }
    } catch (error) {
      if (!this.closed) throw error;
    }
  }

  close(): void {
    this.closed = true;
    this.controller.abort();
  }
}

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** JSON over fetch to one API instance. */
export class ApiClient {
  constructor(readonly base: string) {}

  async request<T = Record<string, unknown>>(method: string, path: string, token: string | null, body?: unknown): Promise<HttpResult<T>> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  async login(username: string, password = DEFAULT_DEMO_PASSWORD): Promise<string> {
    const res = await this.request<{ accessToken: string }>('POST', '/api/auth/login', null, { username, password });
    if (res.status !== 200) throw new Error(`login ${username} at ${this.base}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }
}

/** Runs `work` over `items` with at most `limit` at a time; results in input order. */
export async function inPool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** p-th percentile (0–100) of a list of numbers, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
