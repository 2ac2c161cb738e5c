import type { Container } from 'inversify';
import type { Logger } from 'pino';
import { DatabaseProbe } from '../../adapters/persistence/database-probe.js';
import { OutboxStore } from '../../adapters/persistence/outbox-store.js';
import { MikroUnitOfWork } from '../../adapters/persistence/unit-of-work.js';
import { EventRecorder } from '../../application/shared/reactions.js';
import { SystemClock } from '../../adapters/system/system-clock.js';
import type { Config } from '../config.js';
import type { Infrastructure } from '../infrastructure.js';
import { T } from '../tokens.js';

/** Configuration, logging, the database and Redis: set up before binding, bound as constants. */
export function bindCore(c: Container, config: Config, logger: Logger, infra: Infrastructure): void {
  c.bind(T.Config).toConstantValue(config);
  c.bind(T.Logger).toConstantValue(logger);
  c.bind(T.Orm).toConstantValue(infra.orm);
  c.bind(T.Em).toConstantValue(infra.orm.em);
  c.bind(T.SlotChanges).toConstantValue(infra.slotChanges);
  c.bind(T.Redis).toConstantValue(infra.redis);
  c.bind(T.JwtSecrets).toConstantValue(infra.jwtSecrets);
  c.bind(T.Clock).toConstantValue(new SystemClock());
  c.bind(T.UnitOfWork)
    .toDynamicValue((x) => new MikroUnitOfWork(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.Outbox)
    .toDynamicValue((x) => {
      // The relay of this process (if jobs are bound) looks at once rather than at its next poll.
      const relay = x.get(T.OutboxRelay, { optional: true });
      return new OutboxStore(x.get(T.Em), () => relay?.wake());
    })
    .inSingletonScope();
  // Reactions are multi-bound by the contexts; none bound yet is an empty list, not an error.
  c.bind(T.EventRecorder)
    .toDynamicValue((x) => new EventRecorder(x.get(T.Outbox), x.getAll(T.Reactions, { optional: true })))
    .inSingletonScope();
  c.bind(T.DatabaseProbe)
    .toDynamicValue((x) => new DatabaseProbe(x.get(T.Orm)))
    .inSingletonScope();
}
