import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobHandler } from '../../../src/application/shared/ports/job-handler.js';
import { loadConfig } from '../../../src/bootstrap/config.js';
import { exitOnStartFailure } from '../../../src/bootstrap/run-api.js';
import { runWorker } from '../../../src/bootstrap/start-worker.js';
import { T } from '../../../src/bootstrap/tokens.js';

/**
 * `npm run worker` with one extra job handler, `test.sleep`, for tests/bootstrap/worker-process.test.ts:
 * it notes its start and its end (with this process id) in the test's `test_job_runs` table and sleeps
 * `payload.ms` in between.
 */
function sleepHandler(orm: MikroORM): JobHandler {
  const note = (key: string, event: string) =>
    orm.em.execute('insert into test_job_runs (key, pid, event) values (?, ?, ?)', [key, process.pid, event]);
  return {
    name: 'test.sleep',
    async run(payload, { key }) {
      await note(key, 'start');
      await new Promise((resolve) => setTimeout(resolve, Number(payload.ms)));
      await note(key, 'finish');
    },
  };
}

Promise.resolve()
  .then(() =>
    runWorker(loadConfig(), {
      bind: (c) => c.bind(T.JobHandlers).toDynamicValue((x) => sleepHandler(x.get(T.Orm))),
    }),
  )
  .catch(exitOnStartFailure);
