import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubEvent {
  id: string;
  status: 'confirmed' | 'cancelled';
  summary: string;
  start: { dateTime: string };
  end: { dateTime: string };
  hangoutLink: string;
  conferenceData: unknown;
}

export interface GoogleCalendarStub {
  rootUrl: string;
  tokenUrl: string;
  /** Calendar requests received (retries included), token requests apart. */
  requests: Array<{ method: string; path: string; body: any }>;
  tokenRequests: number;
  events: Map<string, StubEvent>;
  /** The next `times` calendar requests answer `status` with Google's error body. */
  failNext(status: number, times?: number): void;
  close(): Promise<void>;
}

const ACCESS_TOKEN = 'stub-access-token';
const EVENTS = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/?]+))?$/;

/** A local stand-in for Google's OAuth token endpoint and Calendar events insert/get/patch/delete. */
export async function startGoogleCalendarStub(refreshToken: string): Promise<GoogleCalendarStub> {
  const failures: number[] = [];
  const stub = { requests: [], tokenRequests: 0, events: new Map() } as unknown as GoogleCalendarStub;
  let codes = 0;

  const handle = (req: IncomingMessage, body: string, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const send = (status: number, json?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    const error = (code: number, message: string) => send(code, { error: { code, message } });
    if (url.pathname === '/token') {
      stub.tokenRequests += 1;
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== refreshToken) {
        return send(400, { error: 'invalid_grant' });
      }
      return send(200, { access_token: ACCESS_TOKEN, expires_in: 3600, token_type: 'Bearer' });
    }
    const match = EVENTS.exec(url.pathname);
    const parsed = body ? JSON.parse(body) : undefined;
    stub.requests.push({ method: req.method ?? '', path: url.pathname + url.search, body: parsed });
    if (req.headers.authorization !== `Bearer ${ACCESS_TOKEN}`) return error(401, 'Invalid Credentials');
    const failure = failures.shift();
    if (failure !== undefined) return error(failure, 'Stubbed failure');
    if (!match) return error(404, 'Not Found');
    const eventId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const event = eventId ? stub.events.get(eventId) : undefined;
    if (req.method === 'POST' && !eventId) {
      if (url.searchParams.get('conferenceDataVersion') !== '1') return error(400, 'conferenceDataVersion');
      const id: string = parsed.id ?? `evt${codes + 1}`;
      if (stub.events.has(id)) return error(409, 'The requested identifier already exists.');
      codes += 1;
      const letter = 'abcdefghijklmnopqrstuvwxyz'[codes % 26]!;
      const code = `stb-${letter.repeat(4)}-xyz`;
      const created: StubEvent = {
        id,
        status: 'confirmed',
        summary: parsed.summary,
        start: parsed.start,
        end: parsed.end,
        hangoutLink: `https://meet.google.com/${code}`,
        conferenceData: { ...parsed.conferenceData, entryPoints: [{ entryPointType: 'video' }] },
      };
      stub.events.set(id, created);
      return send(200, created);
    }
    if (!event) return error(404, 'Not Found');
    if (req.method === 'GET') return send(200, event);
    if (event.status === 'cancelled') return error(410, 'Resource has been deleted');
    if (req.method === 'PATCH') {
      Object.assign(event, { start: parsed.start ?? event.start, end: parsed.end ?? event.end });
      return send(200, event);
    }
    if (req.method === 'DELETE') {
      event.status = 'cancelled';
      return send(204);
    }
    return error(405, 'Method not allowed');
  };

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handle(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(stub, {
    rootUrl: `${base}/`,
    tokenUrl: `${base}/token`,
    failNext(status: number, times = 1) {
      for (let i = 0; i < times; i += 1) failures.push(status);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
