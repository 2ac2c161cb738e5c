import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Centre, normaliseCentrePhone, type NewCentre } from '../../../src/domain/scheduling/centre.js';
import { InvalidValueError } from '../../../src/domain/shared/domain-error.js';

const t0 = new Date('2026-01-01T10:00:00Z');
const t1 = new Date('2026-01-02T10:00:00Z');
const bangalore: NewCentre = { name: 'Mibo Bangalore', city: 'Bangalore', address: '123 MG Road' };

/** The field an InvalidValueError names, or 'OK'. */
function refusal(work: () => unknown): string {
  try {
    work();
    return 'OK';
  } catch (error) {
    if (!(error instanceof InvalidValueError)) throw error;
    return Object.keys(error.details ?? {}).join(',');
  }
}

describe('Centre', () => {
  it('opens active, not deleted, in Asia/Kolkata unless told otherwise', () => {
    const centre = Centre.open({ ...bangalore, name: '  Mibo Bangalore ' }, t0);
    expect(centre).toMatchObject({
      name: 'Mibo Bangalore',
      city: 'Bangalore',
      address: '123 MG Road',
      phone: null,
      email: null,
      timezone: 'Asia/Kolkata',
      isActive: true,
      deletedAt: null,
      createdAt: t0,
      updatedAt: t0,
    });
    expect(centre.acceptsBookings()).toBe(true);
  });

  it('keeps a given IANA zone as written and normalises the phone to E.164', () => {
    const centre = Centre.open(
      { ...bangalore, timezone: 'America/New_York', phone: '080 1234 5678', email: 'b@mibo.com' },
      t0,
    );
    expect(centre.timezone).toBe('America/New_York');
    expect(centre.email).toBe('b@mibo.com');
    expect(normaliseCentrePhone('98765 43210')).toBe('+919876543210');
    expect(normaliseCentrePhone('+91 22 1234 5678')).toBe('+912212345678');
  });

  it('refuses unknown zones, offsets, bad phones and emails, empty or control-laden text', () => {
    expect(refusal(() => Centre.open({ ...bangalore, timezone: 'Mars/Olympus' }, t0))).toBe('timezone');
    expect(refusal(() => Centre.open({ ...bangalore, timezone: '+05:30' }, t0))).toBe('timezone');
    expect(refusal(() => Centre.open({ ...bangalore, phone: '12345' }, t0))).toBe('phone');
    expect(refusal(() => Centre.open({ ...bangalore, email: 'not-an-email' }, t0))).toBe('email');
    expect(refusal(() => Centre.open({ ...bangalore, name: '   ' }, t0))).toBe('name');
    expect(refusal(() => Centre.open({ ...bangalore, city: 'Bang\u0000alore' }, t0))).toBe('city');
    expect(refusal(() => Centre.open({ ...bangalore, name: 'x'.repeat(201) }, t0))).toBe('name');
    expect(refusal(() => Centre.open({ ...bangalore, address: 'Line 1\nLine 2' }, t0))).toBe('OK');
    expect(refusal(() => Centre.open({ ...bangalore, address: 'Nul\u0000' }, t0))).toBe('address');
  });

  it('updates only the fields given, clears phone and email with null, and stamps updatedAt', () => {
    const centre = Centre.open({ ...bangalore, phone: '+918012345678', email: 'b@mibo.com' }, t0);
    centre.update({ email: null, timezone: 'Asia/Dubai' }, t1);
    expect(centre).toMatchObject({
      name: 'Mibo Bangalore',
      phone: '+918012345678',
      email: null,
      timezone: 'Asia/Dubai',
      createdAt: t0,
      updatedAt: t1,
    });
  });

  it('an update with one bad field changes nothing', () => {
    const centre = Centre.open(bangalore, t0);
    expect(refusal(() => centre.update({ name: 'Renamed', timezone: 'Nowhere/Land' }, t1))).toBe('timezone');
    expect(centre).toMatchObject({ name: 'Mibo Bangalore', timezone: 'Asia/Kolkata', updatedAt: t0 });
  });

  it('toggling flips activity and bookings follow it', () => {
    const centre = Centre.open(bangalore, t0);
    centre.toggleActive(t1);
    expect(centre.isActive).toBe(false);
    expect(centre.acceptsBookings()).toBe(false);
    centre.toggleActive(t1);
    expect(centre.acceptsBookings()).toBe(true);
  });

  it('a soft-deleted centre takes no bookings and keeps its first deletion time', () => {
    const centre = Centre.open(bangalore, t0);
    centre.softDelete(t0);
    centre.softDelete(t1);
    expect(centre.deletedAt).toEqual(t0);
    expect(centre.isDeleted()).toBe(true);
    expect(centre.isActive).toBe(true);
    expect(centre.acceptsBookings()).toBe(false);
  });

  it('property: accepts bookings exactly when active and not deleted, whatever the history', () => {
    const step = fc.constantFrom('toggle', 'delete');
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const centre = Centre.open(bangalore, t0);
        for (const s of steps) {
          if (s === 'toggle') centre.toggleActive(t1);
          else centre.softDelete(t1);
        }
        const toggles = steps.filter((s) => s === 'toggle').length;
        expect(centre.isActive).toBe(toggles % 2 === 0);
        expect(centre.acceptsBookings()).toBe(toggles % 2 === 0 && !steps.includes('delete'));
      }),
    );
  });

  it('property: any phone it keeps is E.164', () => {
    const phoneLike = fc.stringMatching(/^(\+|00)?[0-9 ()-]{6,18}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), phoneLike), (raw) => {
        const phone = normaliseCentrePhone(raw);
        if (phone !== undefined) expect(phone).toMatch(/^\+[1-9]\d{7,14}$/);
      }),
    );
  });
});
