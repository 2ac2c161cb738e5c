import { JsonStub, type StubAnswer, type StubRequest } from './json-stub.js';

/**
 * A local stand-in for MSG91's flow API (`POST /api/v5/flow/`): checks the auth key and the template as
 * MSG91 does (a wrong key is a 401; an unknown template a 200 with `type: "error"`, as MSG91 answers),
 * answers `{ type: "success", message: <request id> }`, and fails the next tries on demand.
 */
export class Msg91Stub extends JsonStub {
  readonly accepted: Array<{ id: string; mobiles: string; vars: Record<string, string> }> = [];

  constructor(
    readonly authKey = 'msg91-key',
    readonly templateId = 'tmpl-otp',
  ) {
    super();
  }

  protected serves({ method, url }: StubRequest): boolean {
    return method === 'POST' && url === '/api/v5/flow/';
  }

  protected errorBody(message: string): unknown {
    return { type: 'error', message };
  }

  protected answer({ headers, body }: StubRequest): StubAnswer {
    if (headers.authkey !== this.authKey) return [401, { type: 'error', message: 'Authentication failure' }];
    const { mobiles, ...vars } = body?.recipients?.[0] ?? {};
    if (typeof mobiles !== 'string' || !/^[1-9]\d{7,14}$/.test(mobiles)) {
      return [400, { type: 'error', message: 'Invalid mobile' }];
    }
    if (body?.template_id !== this.templateId) return [200, { type: 'error', message: 'Invalid template' }];
    const id = `3${String(this.accepted.length + 1).padStart(5, '0')}6b7a`;
    this.accepted.push({ id, mobiles, vars });
    return [200, { type: 'success', message: id }];
  }
}
