import { InvalidValueError } from '../shared/domain-error.js';

export const NOTE_MAX = 10_000;

export interface NewMedicalNote {
  patientId: number;
  /** The staff account that wrote it. */
  authorId: number;
  appointmentId: number | null;
  body: string;
}

/**
 * What a clinician wrote about a patient. Never edited or removed: a correction is a new note that
 * points at the one it corrects, so the record shows what was known when.
 */
export class MedicalNote {
  id!: number;
  patientId!: number;
  authorId!: number;
  appointmentId!: number | null;
  body!: string;
  correctsNoteId!: number | null;
  createdAt!: Date;

  private constructor() {}

  static write(input: NewMedicalNote, now: Date): MedicalNote {
    const note = new MedicalNote();
    note.patientId = input.patientId;
    note.authorId = input.authorId;
    note.appointmentId = input.appointmentId;
    note.body = noteBody(input.body);
    note.correctsNoteId = null;
    note.createdAt = now;
    return note;
  }

  /** A correction belongs to the same patient as the note it corrects. */
  static correct(original: MedicalNote, input: NewMedicalNote, now: Date): MedicalNote {
    if (original.patientId !== input.patientId)
      throw new InvalidValueError('correctsNoteId', "Not a note of this patient's");
    const note = MedicalNote.write(input, now);
    note.correctsNoteId = original.id;
    return note;
  }
}

function noteBody(text: string): string {
  const body = text.trim();
  if (body.length === 0) throw new InvalidValueError('note', 'Must not be empty');
  if (body.length > NOTE_MAX) throw new InvalidValueError('note', `Must be at most ${NOTE_MAX} characters`);
  if (body.includes('\u0000')) throw new InvalidValueError('note', 'Must not contain NUL');
  return body;
}
