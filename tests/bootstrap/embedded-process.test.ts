import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnApi, waitHealthy, type SpawnedApi } from '../support/spawn-api.js';

const post = (url: string, body: object, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as any }));

async function patientSignIn(api: SpawnedApi, phone: string) {
  await post(`${api.url}/api/patient-auth/send-otp`, { phone, fullName: 'Restart Test' });
  const outbox = (await (
    await fetch(`${api.url}/api/dev/outbox?to=${encodeURIComponent(phone)}`)
  ).json()) as any;
  const otp = /\d{6}/.exec(outbox.data[0].text)![0];
  return post(`${api.url}/api/patient-auth/verify-otp`, { phone, otp });
}

/** Sends the headers and half a body, so the request is in flight until `finish` is called. */
function halfSentRequest(url: string, body: string) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let response = '';
  socket.on('data', (chunk) => (response += chunk.toString()));
  const done = new Promise<string>((resolve) => socket.on('close', () => resolve(response)));
  socket.write(
    `POST /api/auth/login/username-password HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body.slice(0, 10)}`,
  );
  return { finish: () => socket.write(body.slice(10)), done };
}

describe('the embedded default as a process (npm start)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mibo-embedded-'));
  const env = { DATA_DIR: dataDir, NODE_ENV: 'development' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data across a restart, refuses a second process on the same DATA_DIR, and drains on SIGTERM', async () => {
    const first = await spawnApi(env);
    await waitHealthy(first, 90_000);

    const second = await spawnApi(env);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toMatch(/DATA_DIR .* is in use by another Mibo process \(pid \d+\)/);
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    const phone = '+919812345670';
    const signUp = await patientSignIn(first, phone);
    expect(signUp.body.data.patient.isNewUser).toBe(true);

    const inFlight = halfSentRequest(
      first.url,
      JSON.stringify({ username: 'nobody', password: 'whatever-password' }),
    );
    // Long enough for the server to accept the connection and read the headers, even on a busy CI machine.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    first.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    inFlight.finish();
    const response = await inFlight.done;
    expect(response).toMatch(/^HTTP\/1\.1 401/);
    expect(response).toContain('INVALID_CREDENTIALS');
    expect(await first.exited).toBe(0);

    const restarted = await spawnApi(env);
    await waitHealthy(restarted, 60_000);
    const me = await fetch(`${restarted.url}/api/patient-auth/me`, {
      headers: { authorization: `Bearer ${signUp.body.data.accessToken}` },
    });
    expect(me.status).toBe(200); // the generated JWT secret survived too
    const again = await patientSignIn(restarted, phone);
    expect(again.body.data.patient).toMatchObject({ id: signUp.body.data.patient.id, isNewUser: false });
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
  }, 180_000);

  it('stops with one line naming a bad variable', async () => {
    const api = await spawnApi({ DATA_DIR: dataDir, JWT_EXPIRES_IN: 'soon' });
    expect(await api.exited).toBe(1);
    expect(api.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(/^Configuration error: JWT_EXPIRES_IN /),
    ]);
  });

  it('refuses fake gateways in production', async () => {
    const api = await spawnApi({
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      JWT_SECRET: 'a'.repeat(40),
      JWT_REFRESH_SECRET: 'b'.repeat(40),
    });
    expect(await api.exited).toBe(1);
    expect(api.stderr()).toMatch(/refuses fake gateways/);
  });
});
