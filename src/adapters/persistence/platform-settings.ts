import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Values the platform generates once and every process then shares (e.g. JWT secrets outside
 * production). Insert-if-absent then read: safe when several processes start at once.
 */
export class PlatformSettings {
  constructor(private readonly orm: MikroORM) {}

  async getOrCreate(name: string, generate: () => string): Promise<string> {
    const connection = this.orm.em.getConnection();
    await connection.execute(
      'insert into platform_settings (name, value) values (?, ?) on conflict (name) do nothing',
      [name, generate()],
    );
    const rows: Array<{ value: string }> = await connection.execute(
      'select value from platform_settings where name = ?',
      [name],
    );
    return rows[0]!.value;
  }
}
