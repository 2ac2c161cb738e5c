import { createServer } from 'node:http';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';

/**
 * The benchmark's baseline: a bare Koa 3 + @koa/router app with nothing else in it. Mibo's cost per
 * request is quoted as a ratio to this one, measured in the same run on the same pinned core.
 * Started by bench/run.ts as a child process; it reports its port over the IPC channel.
 */
const app = new Koa();
const router = new Router();

router.get('/hello', (ctx) => {
  ctx.body = { success: true, data: { hello: 'world' } };
});

router.post('/echo', (ctx) => {
  ctx.body = { success: true, data: ctx.request.body ?? null };
});

app.use(bodyParser({ enableTypes: ['json'] }));
app.use(router.routes());
app.use(router.allowedMethods());

const server = createServer(app.callback());
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  if (process.send) process.send({ ready: true, port });
  else console.log(`baseline listening on http://127.0.0.1:${port}`);
});

const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.once('disconnect', stop);
