import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  MedicalNoteReads,
  MedicalNoteView,
} from '../../../application/clinical-records/ports/medical-notes.js';
import type { Page } from '../../../application/shared/page.js';

interface NoteRow {
  id: number;
  patient_id: number;
  appointment_id: number | null;
  author_id: number;
  author_name: string | null;
  body: string;
  corrects_note_id: number | null;
  corrected_by_note_id: number | null;
  created_at: Date | string;
}

/** A patient's notes, newest first: each page, its total included, is one statement whatever its size. */
export class SqlMedicalNoteReads implements MedicalNoteReads {
  constructor(private readonly em: EntityManager) {}

  async notesOf(patientId: number, page: number, limit: number): Promise<Page<MedicalNoteView>> {
    const rows: Array<Partial<NoteRow> & { total: string }> = await this.em.getConnection().execute(
      `select n.total, page.*
         from (select count(*) as total from medical_notes where patient_id = ?) n
         left join (
           select m.id, m.patient_id, m.appointment_id, m.author_id, u.full_name as author_name, m.body,
                  m.corrects_note_id, m.created_at,
                  (select max(c.id) from medical_notes c where c.corrects_note_id = m.id) as corrected_by_note_id
             from medical_notes m left join staff_users u on u.id = m.author_id
            where m.patient_id = ?
            order by m.created_at desc, m.id desc limit ? offset ?) page on true
        order by page.created_at desc, page.id desc`,
      [patientId, patientId, limit, (page - 1) * limit],
    );
    const items = rows.filter((row): row is NoteRow & { total: string } => row.id != null).map(viewOf);
    return { items, total: Number(rows[0]?.total ?? 0) };
  }
}

function viewOf(row: NoteRow): MedicalNoteView {
  return {
    id: row.id,
    patientId: row.patient_id,
    appointmentId: row.appointment_id,
    authorId: row.author_id,
    authorName: row.author_name ?? '',
    body: row.body,
    correctsNoteId: row.corrects_note_id,
    correctedByNoteId: row.corrected_by_note_id,
    createdAt: new Date(row.created_at),
  };
}
