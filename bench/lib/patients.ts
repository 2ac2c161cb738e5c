import { expectOk, mapLimit } from './http.js';

/** Patient phones the bench creates: a range apart from the seeded patients' (+917…). */
export function benchPhones(first: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `+91${first + i}`);
}

/** Asks for a login code and reads it back from the dev outbox (NODE_ENV=development only). */
export async function issueOtp(miboUrl: string, phone: string): Promise<{ phone: string; otp: string }> {
  await expectOk(miboUrl, 'POST', '/api/patient-auth/send-otp', { phone });
  const outbox = (await expectOk(miboUrl, 'GET', `/api/dev/outbox?to=${encodeURIComponent(phone)}`)) as {
    data?: { text?: string }[];
  };
  const otp = /\b(\d{6})\b/.exec(outbox.data?.[0]?.text ?? '')?.[1];
  if (!otp) throw new Error(`no OTP in the dev outbox for ${phone}`);
  return { phone, otp };
}

/** Logs each phone in through the real OTP flow (signing new patients up); returns access tokens. */
export async function loginPatients(miboUrl: string, phones: string[]): Promise<string[]> {
  return mapLimit(phones, 8, async (phone) => {
    const code = await issueOtp(miboUrl, phone);
    const login = (await expectOk(miboUrl, 'POST', '/api/patient-auth/verify-otp', code)) as {
      data?: { accessToken?: string };
    };
    const token = login.data?.accessToken;
    if (!token) throw new Error(`verify-otp for ${phone} answered no access token`);
    return token;
  });
}
