import { Migration } from '@mikro-orm/migrations';

/**
 * One video link per appointment: the provider's calendar event (null for a link set by hand), the
 * link, and the session time the event was made or last moved for. The unique appointment id is what
 * lets two racing runs store at most one meeting.
 */
export class Migration20261125000009VideoMeetings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table video_meetings (
      id serial primary key,
      appointment_id integer not null references appointments (id) on delete cascade,
      provider text not null default 'google_meet',
      event_id text null,
      meet_link text not null,
      start_at timestamptz not null,
      end_at timestamptz not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint video_meetings_appointment_unique unique (appointment_id),
      constraint video_meetings_provider_check check (provider in ('google_meet')),
      constraint video_meetings_times_check check (end_at > start_at)
    )`);
    this.addSql('create index video_meetings_created_at_idx on video_meetings (created_at)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists video_meetings');
  }
}
