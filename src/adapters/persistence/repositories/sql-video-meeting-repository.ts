import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  VideoLinkFilter,
  VideoMeeting,
  VideoMeetings,
  VideoProvider,
} from '../../../application/booking/video/video-meetings.js';
import type { Page } from '../../../application/shared/page.js';

interface Row {
  appointment_id: number;
  provider: VideoProvider;
  event_id: string | null;
  meet_link: string;
  start_at: Date | string;
  end_at: Date | string;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS =
  'appointment_id, provider, event_id, meet_link, start_at, end_at, created_by, created_at, updated_at';

/**
 * A meeting is a plain record, not an aggregate: SQL both ways. `em.execute` joins the caller's unit
 * of work when there is one.
 */
export class SqlVideoMeetingRepository implements VideoMeetings {
  constructor(private readonly em: EntityManager) {}

  async find(appointmentId: number): Promise<VideoMeeting | null> {
    const rows: Row[] = await this.em.execute(
      `select ${COLUMNS} from video_meetings where appointment_id = ?`,
      [appointmentId],
    );
    return rows[0] ? meetingOf(rows[0]) : null;
  }

  async addIfAbsent(m: VideoMeeting): Promise<boolean> {
    const rows: unknown[] = await this.em.execute(
      `insert into video_meetings (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (appointment_id) do nothing returning appointment_id`,
      valuesOf(m),
    );
    return rows.length === 1;
  }

  async put(m: VideoMeeting): Promise<void> {
    await this.em.execute(
      `insert into video_meetings (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (appointment_id) do update set provider = excluded.provider, event_id = excluded.event_id,
         meet_link = excluded.meet_link, start_at = excluded.start_at, end_at = excluded.end_at,
         updated_at = excluded.updated_at`,
      valuesOf(m),
    );
  }

  async removeIfStill(appointmentId: number, eventId: string | null): Promise<void> {
    await this.em.execute(
      'delete from video_meetings where appointment_id = ? and event_id is not distinct from ?',
      [appointmentId, eventId],
    );
  }

  async list(filter: VideoLinkFilter): Promise<Page<VideoMeeting>> {
    const where = ['true'];
    const params: unknown[] = [];
    if (filter.provider !== undefined) {
      where.push('m.provider = ?');
      params.push(filter.provider);
    }
    // Days at each appointment's centre, as ranges of instants.
    if (filter.startDate !== undefined) {
      where.push('m.start_at >= (?::date)::timestamp at time zone c.timezone');
      params.push(filter.startDate);
    }
    if (filter.endDate !== undefined) {
      where.push('m.start_at < (?::date + 1)::timestamp at time zone c.timezone');
      params.push(filter.endDate);
    }
    const from = `video_meetings m join appointments a on a.id = m.appointment_id
      join centres c on c.id = a.centre_id where ${where.join(' and ')}`;
    const rows: Array<Row & { total: string }> = await this.em.execute(
      `select ${COLUMNS.split(', ')
        .map((c) => `m.${c}`)
        .join(', ')}, count(*) over () as total
         from ${from} order by m.start_at, m.appointment_id limit ? offset ?`,
      [...params, filter.limit, (filter.page - 1) * filter.limit],
    );
    // A page past the end has no rows to carry the total: count on its own then.
    const total = rows[0]
      ? Number(rows[0].total)
      : Number(((await this.em.execute(`select count(*) as n from ${from}`, params))[0] as { n: string }).n);
    return { items: rows.map(meetingOf), total };
  }
}

function valuesOf(m: VideoMeeting): unknown[] {
  return [
    m.appointmentId,
    m.provider,
    m.eventId,
    m.meetLink,
    m.startAt,
    m.endAt,
    m.createdBy,
    m.createdAt,
    m.updatedAt,
  ];
}

function meetingOf(row: Row): VideoMeeting {
  return {
    appointmentId: row.appointment_id,
    provider: row.provider,
    eventId: row.event_id,
    meetLink: row.meet_link,
    startAt: new Date(row.start_at),
    endAt: new Date(row.end_at),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
