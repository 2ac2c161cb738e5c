import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Msg91Request {
  headers: IncomingMessage['headers'];
  body: any;
}

/**
 * A local stand-in for MSG91's flow API (`POST /api/v5/flow/`): checks the auth key and the template as
 * MSG91 does (a wrong key is a 401; an unknown template a 200 with `type: "error"`, as MSG91 answers),
 * answers `{ type: "success", message: <request id> }`, and fails the next tries on demand.
 */
export class Msg91Stub {
  readonly requests: Msg91Request[] = [];
  readonly accepted: Array<{ id: string; mobiles: string; vars: Record<string, string> }> = [];
  private failures: number[] = [];
  private server: Server | undefined;
  url = '';

  constructor(
    readonly authKey = 'msg91-key',
    readonly templateId = 'tmpl-otp',
  ) {}

  failNext(count: number, status: number): void {
    this.failures.push(...Array.from({ length: count }, () => status));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const answer = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        let body: any = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          // left null: refused below
        }
        this.requests.push({ headers: req.headers, body });
        if (req.method !== 'POST' || req.url !== '/api/v5/flow/')
          return answer(404, { type: 'error', message: 'Not found' });
        const failure = this.failures.shift();
        if (failure) return answer(failure, { type: 'error', message: `stub failure ${failure}` });
        if (req.headers.authkey !== this.authKey)
          return answer(401, { type: 'error', message: 'Authentication failure' });
        const { mobiles, ...vars } = body?.recipients?.[0] ?? {};
        if (typeof mobiles !== 'string' || !/^[1-9]\d{7,14}$/.test(mobiles)) {
          return answer(400, { type: 'error', message: 'Invalid mobile' });
        }
        if (body?.template_id !== this.templateId)
          return answer(200, { type: 'error', message: 'Invalid template' });
        const id = `3${String(this.accepted.length + 1).padStart(5, '0')}6b7a`;
        this.accepted.push({ id, mobiles, vars });
        return answer(200, { type: 'success', message: id });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
