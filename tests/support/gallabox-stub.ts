import { JsonStub, type StubAnswer, type StubRequest } from './json-stub.js';

/**
 * A local stand-in for Gallabox's send API (`POST /devapi/messages/whatsapp`): checks the keys and the
 * body as Gallabox does, answers 202 with a message id, and fails the next tries on demand.
 */
export class GallaboxStub extends JsonStub {
  /** What Gallabox accepted (one per 2xx answer). */
  readonly accepted: Array<{
    id: string;
    phone: string;
    templateName: string;
    bodyValues: Record<string, string>;
  }> = [];

  constructor(
    readonly apiKey = 'gb-key',
    readonly apiSecret = 'gb-secret',
    readonly channelId = 'channel-1',
  ) {
    super();
  }

  protected serves({ method, url }: StubRequest): boolean {
    return method === 'POST' && url === '/devapi/messages/whatsapp';
  }

  protected errorBody(message: string): unknown {
    return { message };
  }

  protected answer({ headers, body }: StubRequest): StubAnswer {
    if (headers.apikey !== this.apiKey || headers.apisecret !== this.apiSecret) {
      return [401, { message: 'Invalid API key' }];
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
      return [400, { message: 'Invalid request' }];
    }
    const id = `gb-${this.accepted.length + 1}-${Date.now()}`;
    this.accepted.push({
      id,
      phone,
      templateName: template.templateName,
      bodyValues: template.bodyValues ?? {},
    });
    return [202, { id, status: 'ACCEPTED' }];
  }
}
