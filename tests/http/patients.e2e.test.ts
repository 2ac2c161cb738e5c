import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffToken } from '../support/appointment-world.js';
import { mondayClinician, nextMonday } from '../support/booking-clinic.js';
import { patientLogin, randomPhone, seedCentre } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { registerPatient } from './patients-support.js';

describe('patients: register, read, update and search', () => {
  let t: TestApi;
  let desk = '';
  let admin = '';

  beforeAll(async () => {
    t = await startTestApi();
    desk = await staffToken(t, 'FRONT_DESK');
    admin = await staffToken(t, 'ADMIN');
  });
  afterAll(async () => t.close());

  it('registers a patient with the spec’s fields, normalising phones; WALK_IN unless a source is given', async () => {
    const res = await t.request('POST', '/api/patients', {
      token: desk,
      body: {
        fullName: 'Jane Smith',
        phone: '098765 00001',
        email: 'jane@example.com',
        dateOfBirth: '1990-05-15',
        gender: 'FEMALE',
        bloodGroup: 'O+',
        emergencyContactName: 'John Smith',
        emergencyContactPhone: '+91 98765 00002',
      },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ success: true, message: expect.any(String) });
    expect(res.body.data).toMatchObject({
      id: expect.any(Number),
      fullName: 'Jane Smith',
      phone: '+919876500001',
      email: 'jane@example.com',
      dateOfBirth: '1990-05-15',
      gender: 'FEMALE',
      bloodGroup: 'O+',
      emergencyContactName: 'John Smith',
      emergencyContactPhone: '+919876500002',
      source: 'WALK_IN',
    });
    expect(res.body.data).not.toHaveProperty('medicalHistory');
    const fetched = await t.request('GET', `/api/patients/${res.body.data.id}`, { token: desk });
    expect(fetched.status).toBe(200);
    expect(fetched.body.data).toMatchObject({ phone: '+919876500001', dateOfBirth: '1990-05-15' });

    const referred = await registerPatient(t, desk, { source: 'REFERRAL' });
    expect(referred.source).toBe('REFERRAL');
  });

  it('answers 409 for a phone that already belongs to a patient, in whatever format it is typed', async () => {
    const phone = randomPhone();
    await registerPatient(t, desk, { phone });
    const national = phone.slice(3);
    for (const again of [phone, `0${national}`, `+91 ${national.slice(0, 5)} ${national.slice(5)}`]) {
      const res = await t.request('POST', '/api/patients', {
        token: desk,
        body: { fullName: 'Dup', phone: again },
      });
      expect(res.status, again).toBe(409);
      expect(res.body.error.code).toBe('DUPLICATE_ENTRY');
    }
  });

  it('marks a patient who signed up by OTP as WEBSITE', async () => {
    const login = await patientLogin(t, randomPhone(), 'Web Patient');
    const res = await t.request('GET', `/api/patients/${login.patient.id}`, { token: desk });
    expect(res.body.data).toMatchObject({ fullName: 'Web Patient', source: 'WEBSITE' });
  });

  it('marks a patient the front desk books for as WALK_IN and finds them by phone', async () => {
    const centreId = await seedCentre(t, { timezone: 'Asia/Kolkata' });
    const clinicianId = await mondayClinician(t, admin, centreId, 0);
    const phone = randomPhone();
    const booked = await t.request('POST', '/api/booking/front-desk', {
      token: desk,
      body: {
        patientPhone: phone,
        patientName: 'Desk Patient',
        clinicianId,
        centreId,
        appointmentDate: nextMonday('Asia/Kolkata').toString(),
        appointmentTime: '09:00:00',
        sessionType: 'IN_PERSON',
      },
    });
    expect(booked.status, booked.text).toBe(201);
    const found = await t.request('GET', `/api/patients?phone=${encodeURIComponent(phone)}`, { token: desk });
    expect(found.body.data).toEqual([
      expect.objectContaining({ fullName: 'Desk Patient', source: 'WALK_IN' }),
    ]);
  });

  it.each([
    [{ phone: '+919876500099' }, 'fullName'],
    [{ fullName: 'A' }, 'phone'],
    [{ fullName: 'A', phone: '12345' }, 'phone'],
    [{ fullName: 'A', phone: '+919876500099', medicalHistory: 'x' }, 'medicalHistory'],
    [{ fullName: 'A', phone: '+919876500099', gender: 'UNKNOWN' }, 'gender'],
    [{ fullName: 'A', phone: '+919876500099', bloodGroup: 'Z' }, 'bloodGroup'],
    [{ fullName: 'A', phone: '+919876500099', source: 'TV' }, 'source'],
    [{ fullName: 'A', phone: '+919876500099', dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
    [{ fullName: 'A', phone: '+919876500099', email: 'nope' }, 'email'],
  ])('answers 400 to %o, naming %s', async (body, field) => {
    const res = await t.request('POST', '/api/patients', { token: desk, body });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(JSON.stringify(res.body.error.details)).toContain(field);
  });

  it('updates any subset of the details and answers with message and record', async () => {
    const patient = await registerPatient(t, desk, { email: 'old@example.com', bloodGroup: 'O+' });
    const res = await t.request('PUT', `/api/patients/${patient.id}`, {
      token: desk,
      body: { email: 'janeupdated@example.com', bloodGroup: 'A+' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.message).toEqual(expect.any(String));
    expect(res.body.data).toMatchObject({
      id: patient.id,
      email: 'janeupdated@example.com',
      bloodGroup: 'A+',
      fullName: 'Test Patient',
    });
    const cleared = await t.request('PUT', `/api/patients/${patient.id}`, {
      token: desk,
      body: { email: null },
    });
    expect(cleared.body.data.email).toBeNull();
  });

  it('refuses updates that name medical history, change nothing, take a used phone, or miss the patient', async () => {
    const a = await registerPatient(t, desk);
    const b = await registerPatient(t, desk);
    const history = await t.request('PUT', `/api/patients/${a.id}`, {
      token: admin,
      body: { medicalHistory: 'Asthma' },
    });
    expect(history.status).toBe(400);
    expect(history.body.error.details).toHaveProperty('medicalHistory');
    expect((await t.request('PUT', `/api/patients/${a.id}`, { token: desk, body: {} })).status).toBe(400);
    const taken = await t.request('PUT', `/api/patients/${a.id}`, { token: desk, body: { phone: b.phone } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('DUPLICATE_ENTRY');
    const same = await t.request('PUT', `/api/patients/${a.id}`, { token: desk, body: { phone: a.phone } });
    expect(same.status).toBe(200);
    const missing = await t.request('PUT', '/api/patients/999999', { token: desk, body: { fullName: 'X' } });
    expect(missing.status).toBe(404);
    expect((await t.request('GET', '/api/patients/999999', { token: desk })).status).toBe(404);
    expect((await t.request('GET', '/api/patients/abc', { token: desk })).status).toBe(400);
  });

  describe('search', () => {
    let jose = { id: 0, phone: '' };
    let joseph = { id: 0, phone: '' };

    beforeAll(async () => {
      jose = await registerPatient(t, desk, { fullName: 'José Álvarez Ñúñez', phone: '+917000011111' });
      joseph = await registerPatient(t, desk, { fullName: 'Joseph Alvares', phone: '+917000022222' });
    });

    const ids = async (query: string) => {
      const res = await t.request('GET', `/api/patients?${query}`, { token: desk });
      expect(res.status, res.text).toBe(200);
      return (res.body.data as Array<{ id: number }>).map((p) => p.id);
    };

    it('finds by any part of the name, ignoring case and accents', async () => {
      expect(await ids('search=jose')).toEqual(expect.arrayContaining([jose.id, joseph.id]));
      expect(await ids(`search=${encodeURIComponent('ÁLVAREZ')}`)).toEqual([jose.id]);
      expect(await ids('search=alvarez%20nunez')).toEqual([jose.id]);
      expect(await ids(`search=${encodeURIComponent('josé')}`)).toEqual(
        expect.arrayContaining([jose.id, joseph.id]),
      );
      expect(await ids('search=zzzz')).toEqual([]);
    });

    it('treats % and _ as letters, not wildcards', async () => {
      expect(await ids('search=%25')).toEqual([]);
      expect(await ids('search=_')).toEqual([]);
    });

    it('finds by a whole phone in any common Indian format, or by some of its digits', async () => {
      for (const format of [
        '7000011111',
        '07000011111',
        '+91 70000 11111',
        '0091-70000-11111',
        '917000011111',
      ])
        expect(await ids(`phone=${encodeURIComponent(format)}`), format).toEqual([jose.id]);
      expect(await ids('phone=11111')).toEqual([jose.id]);
      expect(await ids('phone=70000')).toEqual(expect.arrayContaining([jose.id, joseph.id]));
      expect(await ids(`phone=${encodeURIComponent('+91 70000 2')}`)).toEqual([joseph.id]);
      expect(await ids('phone=11111&search=joseph')).toEqual([]);
    });

    it('pages newest first with totals in meta, and refuses a limit over 100', async () => {
      const first = await t.request('GET', '/api/patients?search=jose&limit=1', { token: desk });
      expect(first.body.data.map((p: { id: number }) => p.id)).toEqual([joseph.id]);
      expect(first.body.meta).toEqual({ page: 1, limit: 1, total: 2 });
      expect(first.body.data[0]).not.toHaveProperty('medicalHistory');
      const second = await t.request('GET', '/api/patients?search=jose&limit=1&page=2', { token: desk });
      expect(second.body.data.map((p: { id: number }) => p.id)).toEqual([jose.id]);
      const past = await t.request('GET', '/api/patients?search=jose&limit=1&page=9', { token: desk });
      expect(past.body).toMatchObject({ data: [], meta: { total: 2 } });
      for (const bad of ['limit=101', 'limit=0', 'page=0', 'phone=abc', 'phone=%2B', 'sort=name'])
        expect((await t.request('GET', `/api/patients?${bad}`, { token: desk })).status, bad).toBe(400);
    });
  });
});
