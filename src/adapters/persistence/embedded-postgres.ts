import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  db: PGlite;
  /** Stops the socket server, closes the database and releases the data directory. */
  close(): Promise<void>;
}

export class DataDirInUseError extends Error {}

/**
 * PGlite (PostgreSQL in WebAssembly) served to the normal `pg` driver on a private loopback port.
 * It allows one connection at a time: the ORM pool must have `max: 1`.
 * `dataDir: null` keeps everything in memory (tests load a migrated snapshot through `loadDataDir`).
 */
export async function startEmbeddedPostgres(
  dataDir: string | null,
  options: { loadDataDir?: Blob } = {},
): Promise<EmbeddedPostgres> {
  const release = dataDir === null ? () => undefined : lockDataDir(dataDir);
  try {
    const db = await PGlite.create({
      ...(dataDir === null ? {} : { dataDir: join(resolve(dataDir), 'pgdata') }),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { btree_gist },
    });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      db,
      async close() {
        await server.stop();
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** One process per data directory: a second one gets a clear error instead of a corrupted database. */
function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, 'mibo.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirInUseError(
          `DATA_DIR ${dir} is in use by another Mibo process (pid ${holder}); stop it, or give this process its own DATA_DIR or a DATABASE_URL`,
        );
      }
      rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
  throw new DataDirInUseError(`DATA_DIR ${dir} could not be locked`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
