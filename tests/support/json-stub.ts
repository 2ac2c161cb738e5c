import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** The parsed JSON body; null when it was not JSON. */
  body: any;
}

export type StubAnswer = [status: number, body: unknown];

/**
 * A provider's JSON API on a local port, for contract tests: records every request, fails the next
 * tries on demand (`failNext`), and leaves what the provider checks and answers to `answer`.
 */
export abstract class JsonStub {
  readonly requests: Array<Pick<StubRequest, 'headers' | 'body'>> = [];
  private failures: number[] = [];
  private server: Server | undefined;
  url = '';

  /** The provider's answer to one request that is not failed on demand. */
  protected abstract answer(request: StubRequest): StubAnswer;
  /** An error body in the provider's shape. */
  protected abstract errorBody(message: string): unknown;
  /** Whether the request goes to the endpoint this stub serves (others get 404 before any failure). */
  protected abstract serves(request: StubRequest): boolean;

  failNext(count: number, status: number): void {
    this.failures.push(...Array.from({ length: count }, () => status));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: any = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          // left null: the provider refuses it
        }
        const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
        this.requests.push({ headers: req.headers, body });
        const failure = this.serves(request) ? this.failures.shift() : undefined;
        const [status, answer] = !this.serves(request)
          ? [404, this.errorBody('Not found')]
          : failure
            ? [failure, this.errorBody(`stub failure ${failure}`)]
            : this.answer(request);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
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
