import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MedicalNote, NOTE_MAX } from '../../../src/domain/clinical-records/medical-note.js';
import { InvalidValueError } from '../../../src/domain/shared/domain-error.js';

const now = new Date('2026-11-25T10:00:00Z');
const input = { patientId: 10, authorId: 3, appointmentId: 123, body: '  Sleeping better.  ' };

describe('MedicalNote', () => {
  it('keeps what was written, trimmed, with its author, patient, appointment and time', () => {
    const note = MedicalNote.write(input, now);
    expect(note).toMatchObject({
      patientId: 10,
      authorId: 3,
      appointmentId: 123,
      body: 'Sleeping better.',
      correctsNoteId: null,
      createdAt: now,
    });
  });

  it('refuses an empty, blank or overlong note', () => {
    for (const body of ['', '   \n', 'x'.repeat(NOTE_MAX + 1), 'a\u0000b'])
      expect(() => MedicalNote.write({ ...input, body }, now)).toThrow(InvalidValueError);
    expect(MedicalNote.write({ ...input, body: 'x'.repeat(NOTE_MAX) }, now).body).toHaveLength(NOTE_MAX);
  });

  it('corrects with a new note that points at the original and leaves the original as it was', () => {
    const original = MedicalNote.write(input, now);
    original.id = 7;
    const later = new Date('2026-11-26T10:00:00Z');
    const correction = MedicalNote.correct(original, { ...input, body: 'Sleeping worse, in fact.' }, later);
    expect(correction).toMatchObject({
      correctsNoteId: 7,
      body: 'Sleeping worse, in fact.',
      createdAt: later,
    });
    expect(original).toMatchObject({ body: 'Sleeping better.', correctsNoteId: null, createdAt: now });
  });

  it("refuses to correct another patient's note", () => {
    const original = MedicalNote.write(input, now);
    original.id = 7;
    expect(() => MedicalNote.correct(original, { ...input, patientId: 11 }, now)).toThrow(InvalidValueError);
  });

  it('offers no way to change a note once written', () => {
    const methods = Object.getOwnPropertyNames(MedicalNote.prototype).filter(
      (name) => name !== 'constructor',
    );
    expect(methods).toEqual([]);
  });

  it('keeps any non-blank text of allowed length, trimmed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (body) => {
        fc.pre(body.trim().length > 0 && !body.includes('\u0000'));
        expect(MedicalNote.write({ ...input, body }, now).body).toBe(body.trim());
      }),
    );
  });
});
