import type { Container, ResolutionContext } from 'inversify';
import { FakeMeetingGateway } from '../../adapters/gateways/google-meet/fake-meeting-gateway.js';
import { GoogleCalendarMeetingGateway } from '../../adapters/gateways/google-meet/google-calendar-meeting-gateway.js';
import { videoRoutes } from '../../adapters/http/routes/video/video-routes.js';
import { SqlVideoMeetingRepository } from '../../adapters/persistence/repositories/sql-video-meeting-repository.js';
import type { MeetingGateway } from '../../application/booking/ports/meeting-gateway.js';
import { ChangeMeetLinkHandler } from '../../application/booking/video/change-meet-link.js';
import { GenerateMeetLinkHandler } from '../../application/booking/video/generate-meet-link.js';
import { MeetingLinks } from '../../application/booking/video/meeting-links.js';
import { VideoLinkQueries } from '../../application/booking/video/video-link-queries.js';
import {
  ensureMeetingJob,
  moveMeetingJob,
  removeMeetingJob,
  type VideoJobPorts,
} from '../../application/booking/video/video-jobs.js';
import { videoReactions } from '../../application/booking/video/video-reactions.js';
import type { Config } from '../config.js';
import { T } from '../tokens.js';

function googleCredentials(config: Config) {
  const { GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, GOOGLE_REFRESH_TOKEN, GOOGLE_REDIRECT_URI } = config.env;
  if (!(GOOGLE_REFRESH_TOKEN && GOOGLE_CLIENT_ID && GOOGLE_CLIENT_SECRET)) return null;
  return {
    clientId: GOOGLE_CLIENT_ID,
    clientSecret: GOOGLE_CLIENT_SECRET,
    redirectUri: GOOGLE_REDIRECT_URI,
    refreshToken: GOOGLE_REFRESH_TOKEN,
  };
}

/** For the start-up log: which video adapter this configuration uses. */
export function videoAdapterLabel(config: Config): string {
  return googleCredentials(config)
    ? 'Google Calendar events with Meet (refresh token)'
    : 'fake Google Meet (in memory)';
}

/** Google Calendar with a Meet conference when its credentials are set, else the fake. */
function meetingGatewayOf(config: Config): MeetingGateway {
  const credentials = googleCredentials(config);
  return credentials ? new GoogleCalendarMeetingGateway(credentials) : new FakeMeetingGateway();
}

/** Video links of ONLINE appointments: the gateway, the commands and queries, the reactions and jobs. */
export function bindVideo(c: Container, config: Config): void {
  c.bind(T.MeetingGateway).toConstantValue(meetingGatewayOf(config));
  c.bind(T.VideoMeetings)
    .toDynamicValue((x) => new SqlVideoMeetingRepository(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.MeetingLinks)
    .toDynamicValue(
      (x) =>
        new MeetingLinks(
          x.get(T.Appointments),
          x.get(T.VideoMeetings),
          x.get(T.MeetingGateway),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  c.bind(T.MeetingLinkSource).toService(T.MeetingLinks);
  for (const reaction of videoReactions) c.bind(T.Reactions).toConstantValue(reaction);
  const ports = (x: ResolutionContext): VideoJobPorts => ({
    appointments: x.get(T.Appointments),
    meetings: x.get(T.VideoMeetings),
    gateway: x.get(T.MeetingGateway),
    links: x.get(T.MeetingLinks),
    uow: x.get(T.UnitOfWork),
    clock: x.get(T.Clock),
  });
  for (const job of [ensureMeetingJob, moveMeetingJob, removeMeetingJob]) {
    c.bind(T.JobHandlers)
      .toDynamicValue((x) => job(ports(x)))
      .inSingletonScope();
  }
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      videoRoutes({
        generate: new GenerateMeetLinkHandler(x.get(T.Appointments), x.get(T.MeetingLinks)),
        change: new ChangeMeetLinkHandler(
          x.get(T.Appointments),
          x.get(T.VideoMeetings),
          x.get(T.MeetingGateway),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
        queries: new VideoLinkQueries(x.get(T.AppointmentReads), x.get(T.VideoMeetings)),
      }),
    )
    .inSingletonScope();
}
