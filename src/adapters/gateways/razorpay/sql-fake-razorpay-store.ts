import type { MikroORM } from '@mikro-orm/postgresql';
import type { FakeRazorpayKind, FakeRazorpayStore } from './fake-razorpay-store.js';

type Row = { body: unknown };

/**
 * The fake Razorpay's records in `dev_fake_razorpay`, so an order created by one API process can be
 * paid, verified or refunded by another (or by the worker). Runs on the ORM's own connection, outside
 * any caller's transaction (the gateway is never called inside one); an update locks its row.
 */
export class SqlFakeRazorpayStore implements FakeRazorpayStore {
  constructor(private readonly orm: MikroORM) {}

  async read(kind: FakeRazorpayKind, id: string): Promise<unknown> {
    const rows: Row[] = await this.orm.em
      .getConnection()
      .execute('select body from dev_fake_razorpay where provider_id = ? and kind = ?', [id, kind]);
    return rows[0]?.body;
  }

  async insert(kind: FakeRazorpayKind, id: string, body: unknown): Promise<void> {
    await this.orm.em
      .getConnection()
      .execute('insert into dev_fake_razorpay (provider_id, kind, body) values (?, ?, ?::jsonb)', [
        id,
        kind,
        JSON.stringify(body),
      ]);
  }

  async update<R>(
    kind: FakeRazorpayKind,
    id: string,
    change: (body: unknown) => { body: unknown; result: R },
  ): Promise<R | undefined> {
    const connection = this.orm.em.getConnection();
    return connection.transactional(async (trx) => {
      const rows: Row[] = await connection.execute(
        'select body from dev_fake_razorpay where provider_id = ? and kind = ? for update',
        [id, kind],
        'all',
        trx,
      );
      if (!rows[0]) return undefined;
      const { body, result } = change(rows[0].body);
      await connection.execute(
        'update dev_fake_razorpay set body = ?::jsonb, updated_at = now() where provider_id = ?',
        [JSON.stringify(body), id],
        'run',
        trx,
      );
      return result;
    });
  }
}
