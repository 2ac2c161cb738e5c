import type { MedicalNote } from '../../../domain/clinical-records/medical-note.js';
import type { Page } from '../../shared/page.js';

/** Notes are only ever added: there is deliberately no way to change or remove one. */
export interface MedicalNoteRepository {
  findById(id: number): Promise<MedicalNote | null>;
  add(note: MedicalNote): Promise<void>;
}

export interface MedicalNoteView {
  id: number;
  patientId: number;
  appointmentId: number | null;
  authorId: number;
  authorName: string;
  body: string;
  correctsNoteId: number | null;
  /** The newest note that corrects this one, if any. */
  correctedByNoteId: number | null;
  createdAt: Date;
}

export interface MedicalNoteReads {
  /** Newest first; one statement per page whatever its size. */
  notesOf(patientId: number, page: number, limit: number): Promise<Page<MedicalNoteView>>;
}
