import type { EntityManager } from '@mikro-orm/postgresql';
import type { MedicalNoteRepository } from '../../../application/clinical-records/ports/medical-notes.js';
import type { MedicalNote } from '../../../domain/clinical-records/medical-note.js';
import { MedicalNoteSchema } from '../schemas/medical-note-schema.js';

export class MikroMedicalNoteRepository implements MedicalNoteRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: number): Promise<MedicalNote | null> {
    return this.em.findOne(MedicalNoteSchema, { id });
  }

  /** Flushes so the note has its id at once (inside the caller's transaction). */
  async add(note: MedicalNote): Promise<void> {
    this.em.persist(note);
    await this.em.flush();
  }
}
