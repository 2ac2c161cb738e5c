import { ConfigError, loadConfig } from './config.js';
import { DEMO_PASSWORD } from './demo/demo-data.js';
import { seedDemo, type DemoLogin } from './demo/seed-demo.js';
import { exitOnStartFailure, runApi } from './run-api.js';

/**
 * `npm run demo`: the embedded default (in ./.data-demo unless DATA_DIR or a database is configured),
 * seeded once with a demo clinic; prints every login to the terminal (never to the log).
 */
async function main(): Promise<void> {
  const env = { ...process.env };
  if (!env.DATA_DIR && !env.DATABASE_URL && !env.DB_HOST) env.DATA_DIR = './.data-demo';
  const config = loadConfig(env);
  if (config.production)
    throw new ConfigError('Configuration error: the demo never runs with NODE_ENV=production');
  await runApi(config, async (api) => {
    const { created, logins } = await seedDemo(api.container);
    process.stdout.write(loginSheet(logins, created, config.env.PORT));
  });
}

function loginSheet(logins: DemoLogin[], created: boolean, port: number): string {
  const rows = logins.map((login) =>
    [login.role.padEnd(17), login.name.padEnd(22), (login.username ?? '-').padEnd(20), login.phone].join(
      '  ',
    ),
  );
  return [
    '',
    created ? 'Mibo demo: seeded a demo clinic.' : 'Mibo demo: using the demo clinic seeded earlier.',
    `API http://localhost:${port}/api   reference http://localhost:${port}/api/docs`,
    `Staff and clinicians: POST /api/auth/login/username-password with the username and password ${DEMO_PASSWORD}`,
    'Patients: POST /api/patient-auth/send-otp, read the code at GET /api/dev/outbox?to=<phone>, then verify-otp',
    '',
    ['role'.padEnd(17), 'name'.padEnd(22), 'username'.padEnd(20), 'phone'].join('  '),
    ...rows,
    '',
  ].join('\n');
}

main().catch(exitOnStartFailure);
