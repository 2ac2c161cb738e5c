import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GallaboxRequest {
  headers: IncomingMessage['headers'];
  body: any;
}

/**
 * A local stand-in for Gallabox's send API (`POST /devapi/messages/whatsapp`): checks the keys and the
 * body as Gallabox does, answers 202 with a message id, and fails the next tries on demand.
 */
export class GallaboxStub {
  readonly requests: GallaboxRequest[] = [];
  /** What Gallabox accepted (one per 2xx answer). */
  readonly accepted: Array<{
    id: string;
    phone: string;
    templateName: string;
    bodyValues: Record<string, string>;
  }> = [];
  private failures: number[] = [];
  private server: Server | undefined;
  url = '';

  constructor(
    readonly apiKey = 'gb-key',
    readonly apiSecret = 'gb-secret',
    readonly channelId = 'channel-1',
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
          // left null: a 400 below
        }
        this.requests.push({ headers: req.headers, body });
        if (req.method !== 'POST' || req.url !== '/devapi/messages/whatsapp')
          return answer(404, { message: 'Not found' });
        const failure = this.failures.shift();
        if (failure) return answer(failure, { message: `stub failure ${failure}` });
        if (req.headers.apikey !== this.apiKey || req.headers.apisecret !== this.apiSecret) {
          return answer(401, { message: 'Invalid API key' });
        }
        const template = body?.whatsapp?.template;
        const phone = body?.recipient?.phone;
        if (
          body?.channelId !== this.channelId ||
          body?.channelType !== 'whatsapp' ||
          typeof phone !== 'string' ||
          !/^[1-9]\d{7,14}$/.test(phone) ||
          typeof template?.templateName !== 'string'
        ) {
          return answer(400, { message: 'Invalid request' });
        }
        const id = `gb-${this.accepted.length + 1}-${Date.now()}`;
        this.accepted.push({
          id,
          phone,
          templateName: template.templateName,
          bodyValues: template.bodyValues ?? {},
        });
        return answer(202, { id, status: 'ACCEPTED' });
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
