import type { Server } from 'node:http';
import type { Logger } from 'pino';

/**
 * Listens, and returns a stop function that stops accepting connections, lets in-flight requests
 * finish (idle keep-alive connections are closed), then releases the pools. After `graceMs` the
 * remaining connections are cut so a stuck client cannot hold the shutdown forever.
 */
export async function listenGracefully(
  server: Server,
  port: number,
  release: () => Promise<void>,
  logger: Logger,
  graceMs = 20_000,
): Promise<() => Promise<void>> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  const address = server.address();
  logger.info({ port: typeof address === 'object' && address ? address.port : port }, 'listening');
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
      const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
      server.closeIdleConnections();
      await closed;
      clearInterval(idleSweep);
      clearTimeout(deadline);
      await release();
      logger.info('stopped');
    })();
    return stopping;
  };
}
