/** What the fake Razorpay keeps, by kind; refunds live inside their payment. */
export type FakeRazorpayKind = 'order' | 'link' | 'payment';

/**
 * Where the fake Razorpay's records live: in memory (one process: unit tests, the HTTP stub) or in
 * the database (every process of a deployment sees the same provider). Bodies are plain JSON.
 */
export interface FakeRazorpayStore {
  read(kind: FakeRazorpayKind, id: string): Promise<unknown>;
  insert(kind: FakeRazorpayKind, id: string, body: unknown): Promise<void>;
  /**
   * Rewrites one record with `change` (undefined: unknown id), one change at a time per record;
   * `change` answers the new body and what to return.
   */
  update<R>(
    kind: FakeRazorpayKind,
    id: string,
    change: (body: unknown) => { body: unknown; result: R },
  ): Promise<R | undefined>;
}

/** One process's records, copied in and out as JSON so callers never share objects with the store. */
export class InMemoryFakeRazorpayStore implements FakeRazorpayStore {
  private readonly records = new Map<string, { kind: FakeRazorpayKind; json: string }>();

  read(kind: FakeRazorpayKind, id: string): Promise<unknown> {
    const record = this.records.get(id);
    return Promise.resolve(record?.kind === kind ? JSON.parse(record.json) : undefined);
  }

  insert(kind: FakeRazorpayKind, id: string, body: unknown): Promise<void> {
    this.records.set(id, { kind, json: JSON.stringify(body) });
    return Promise.resolve();
  }

  update<R>(
    kind: FakeRazorpayKind,
    id: string,
    change: (body: unknown) => { body: unknown; result: R },
  ): Promise<R | undefined> {
    const record = this.records.get(id);
    if (record?.kind !== kind) return Promise.resolve(undefined);
    try {
      const { body, result } = change(JSON.parse(record.json));
      this.records.set(id, { kind, json: JSON.stringify(body) });
      return Promise.resolve(result);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
