import type { ServiceIdentifier } from 'inversify';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type { LogInStaffWithOtpHandler } from '../application/identity/commands/log-in-staff-with-otp.js';
import type { LogInStaffWithPasswordHandler } from '../application/identity/commands/log-in-staff-with-password.js';
import type { LogOutHandler } from '../application/identity/commands/log-out.js';
import type { RefreshAccessHandler } from '../application/identity/commands/refresh-access.js';
import type { SendPatientOtpHandler } from '../application/identity/commands/send-patient-otp.js';
import type { SendStaffOtpHandler } from '../application/identity/commands/send-staff-otp.js';
import type { VerifyPatientOtpHandler } from '../application/identity/commands/verify-patient-otp.js';
import type { OtpChallenges } from '../application/identity/otp-challenges.js';
import type {
  OneTimeCodeRepository,
  PatientRepository,
  RefreshSessionRepository,
  StaffUserRepository,
} from '../application/identity/ports/identity-repositories.js';
import type { OtpGenerator, SecretHasher } from '../application/identity/ports/secret-hasher.js';
import type { TokenService } from '../application/identity/ports/token-service.js';
import type { AuthenticateCallerHandler } from '../application/identity/queries/authenticate-caller.js';
import type {
  GetCurrentPatientHandler,
  GetCurrentStaffHandler,
} from '../application/identity/queries/get-current-account.js';
import type { SessionIssuer } from '../application/identity/session-issuer.js';
import type { SmsSender, WhatsAppSender } from '../application/messaging/ports/outbound-message.js';
import type { MeetingLinkSource } from '../application/messaging/ports/meeting-link-source.js';
import type { MeetingGateway } from '../application/booking/ports/meeting-gateway.js';
import type { MeetingLinks } from '../application/booking/video/meeting-links.js';
import type { VideoMeetings } from '../application/booking/video/video-meetings.js';
import type { NotificationLedger } from '../application/messaging/ports/notification-ledger.js';
import type { NotificationReads } from '../application/messaging/ports/notification-reads.js';
import type { MessageContextReads } from '../application/messaging/ports/message-context-reads.js';
import type { NotificationDelivery } from '../application/messaging/notification-delivery.js';
import type { SendAppointmentMessageHandler } from '../application/messaging/commands/send-appointment-message.js';
import type { NotificationQueries } from '../application/messaging/queries/notification-queries.js';
import type { Clock } from '../application/shared/ports/clock.js';
import type { UnitOfWork } from '../application/shared/ports/unit-of-work.js';
import type { DevOutbox } from '../adapters/gateways/fake-messaging/dev-outbox.js';
import type { Endpoint } from '../adapters/http/endpoint.js';
import type { HttpMetrics } from '../adapters/http/metrics.js';
import type { RateLimits } from '../adapters/http/rate-limits.js';
import type { DatabaseProbe } from '../adapters/persistence/database-probe.js';
import type { SlotChangeFeed } from '../adapters/persistence/slot-changes/slot-change-feed.js';
import type { CreateClinicianHandler } from '../application/scheduling/commands/create-clinician.js';
import type { ManageClinicianHandler } from '../application/scheduling/commands/manage-clinician.js';
import type { SetClinicianScheduleHandler } from '../application/scheduling/commands/set-clinician-schedule.js';
import type { ClinicianReads } from '../application/scheduling/ports/clinician-reads.js';
import type { ClinicianRepository } from '../application/scheduling/ports/clinician-repository.js';
import type { ClinicianQueries } from '../application/scheduling/queries/clinician-queries.js';
import type { AvailableSlotsHandler } from '../application/scheduling/queries/available-slots.js';
import type { TakenTime } from '../application/scheduling/ports/taken-time.js';
import type { CreateCentreHandler } from '../application/scheduling/commands/create-centre.js';
import type { DeleteCentreHandler } from '../application/scheduling/commands/delete-centre.js';
import type { ToggleCentreActiveHandler } from '../application/scheduling/commands/toggle-centre-active.js';
import type { UpdateCentreHandler } from '../application/scheduling/commands/update-centre.js';
import type { CentreReads } from '../application/scheduling/ports/centre-reads.js';
import type { CentreRepository } from '../application/scheduling/ports/centre-repository.js';
import type { GetCentreHandler } from '../application/scheduling/queries/get-centre.js';
import type { ListCentresHandler } from '../application/scheduling/queries/list-centres.js';
import type { AppointmentRepository } from '../application/booking/ports/appointment-repository.js';
import type { PaymentGateway } from '../application/billing/ports/payment-gateway.js';
import type { CreateOrderHandler } from '../application/billing/commands/create-order.js';
import type { CreatePaymentLinkHandler } from '../application/billing/commands/create-payment-link.js';
import type { HandleWebhookHandler } from '../application/billing/commands/handle-webhook.js';
import type { VerifyCheckoutHandler } from '../application/billing/commands/verify-checkout.js';
import type { VerifyPaymentLinkHandler } from '../application/billing/commands/verify-payment-link.js';
import type { ExpireHoldJob } from '../application/billing/jobs/expire-hold.js';
import type { PaymentCapture } from '../application/billing/payment-capture.js';
import type { PaymentReads } from '../application/billing/ports/payment-reads.js';
import type { PaymentRepository, WebhookEventLog } from '../application/billing/ports/payment-repository.js';
import type { GetPaymentHandler } from '../application/billing/queries/get-payment.js';
import type { PaymentHistoryHandler } from '../application/billing/queries/payment-history.js';
import type { RazorpayKeys } from '../adapters/gateways/razorpay/razorpay-signatures.js';
import type { BookAppointmentHandler } from '../application/booking/commands/book-appointment.js';
import type { BookForPatientHandler } from '../application/booking/commands/book-for-patient.js';
import type { CancelAppointmentHandler } from '../application/booking/commands/cancel-appointment.js';
import type { UpdateAppointmentHandler } from '../application/booking/commands/update-appointment.js';
import type { OpenSlotFinder } from '../application/booking/open-slot-finder.js';
import type { PaymentLinkOpener } from '../application/booking/payment-link-opener.js';
import type { AppointmentReads } from '../application/booking/ports/appointment-reads.js';
import type { GetAppointmentHandler } from '../application/booking/queries/get-appointment.js';
import type { GetClinicianAgendaHandler } from '../application/booking/queries/get-clinician-agenda.js';
import type { GetMyBookingHandler } from '../application/booking/queries/get-my-booking.js';
import type { ListAppointmentsHandler } from '../application/booking/queries/list-appointments.js';
import type { ListMyBookingsHandler } from '../application/booking/queries/list-my-bookings.js';
import type { JobHandler } from '../application/shared/ports/job-handler.js';
import type { JobQueue } from '../application/shared/ports/job-queue.js';
import type { BackgroundJobs } from '../adapters/jobs/background-jobs.js';
import type { JobRunner } from '../adapters/jobs/job-runner.js';
import type { OutboxRelay } from '../adapters/jobs/outbox-relay.js';
import type { Outbox } from '../application/shared/ports/outbox.js';
import type { EventRecorder, Reaction } from '../application/shared/reactions.js';
import type { CreateStaffUserHandler } from '../application/identity/staff/create-staff-user.js';
import type { DeleteStaffUserHandler } from '../application/identity/staff/delete-staff-user.js';
import type { StaffQueries } from '../application/identity/staff/staff-queries.js';
import type { StaffReads } from '../application/identity/staff/staff-reads.js';
import type { ToggleStaffActiveHandler } from '../application/identity/staff/toggle-staff-active.js';
import type { UpdateStaffUserHandler } from '../application/identity/staff/update-staff-user.js';
import type { ClinicalGate } from '../application/clinical-records/clinical-gate.js';
import type { ClinicalAuditLog } from '../application/clinical-records/ports/clinical-audit-log.js';
import type { ClinicalRelationships } from '../application/clinical-records/ports/clinical-relationships.js';
import type {
  MedicalNoteReads,
  MedicalNoteRepository,
} from '../application/clinical-records/ports/medical-notes.js';
import type { PatientRecordReads } from '../application/clinical-records/ports/patient-record-reads.js';
import type { AnalyticsReads } from '../application/analytics/ports/analytics-reads.js';
import type { AnalyticsQueries } from '../application/analytics/queries/analytics-queries.js';
import type { RateAppointmentHandler } from '../application/patient-dashboard/commands/rate-appointment.js';
import type { UpdateMyProfileHandler } from '../application/patient-dashboard/commands/update-my-profile.js';
import type { PatientDashboardQueries } from '../application/patient-dashboard/queries/patient-dashboard-queries.js';
import type { Config } from './config.js';

const token = <T>(name: string) => Symbol.for(`mibo.${name}`) as ServiceIdentifier<T>;

/** Typed tokens: the compiler checks every `c.get(T.X)` against what is bound. */
export const T = {
  Config: token<Config>('Config'),
  Logger: token<Logger>('Logger'),
  Orm: token<MikroORM>('Orm'),
  SlotChanges: token<SlotChangeFeed | null>('SlotChanges'),
  Em: token<EntityManager>('Em'),
  Redis: token<Redis | null>('Redis'),
  JwtSecrets: token<{ access: string; refresh: string }>('JwtSecrets'),
  Clock: token<Clock>('Clock'),
  UnitOfWork: token<UnitOfWork>('UnitOfWork'),
  DatabaseProbe: token<DatabaseProbe>('DatabaseProbe'),

  // jobs: the outbox, and what each context does after a change commits
  Outbox: token<Outbox>('Outbox'),
  EventRecorder: token<EventRecorder>('EventRecorder'),
  /** Multi-bound: each context binds its reactions to domain events here. */
  Reactions: token<Reaction>('Reactions'),
  /** Multi-bound: each context binds the handlers of its jobs here. */
  JobHandlers: token<JobHandler>('JobHandlers'),
  JobQueue: token<JobQueue>('JobQueue'),
  OutboxRelay: token<OutboxRelay>('OutboxRelay'),
  JobRunner: token<JobRunner>('JobRunner'),
  BackgroundJobs: token<BackgroundJobs>('BackgroundJobs'),

  StaffUsers: token<StaffUserRepository>('StaffUsers'),
  Patients: token<PatientRepository>('Patients'),
  OneTimeCodes: token<OneTimeCodeRepository>('OneTimeCodes'),
  RefreshSessions: token<RefreshSessionRepository>('RefreshSessions'),
  SecretHasher: token<SecretHasher>('SecretHasher'),
  OtpGenerator: token<OtpGenerator>('OtpGenerator'),
  TokenService: token<TokenService>('TokenService'),
  OtpChallenges: token<OtpChallenges>('OtpChallenges'),
  SessionIssuer: token<SessionIssuer>('SessionIssuer'),

  SendStaffOtp: token<SendStaffOtpHandler>('SendStaffOtp'),
  LogInStaffWithOtp: token<LogInStaffWithOtpHandler>('LogInStaffWithOtp'),
  LogInStaffWithPassword: token<LogInStaffWithPasswordHandler>('LogInStaffWithPassword'),
  RefreshAccess: token<RefreshAccessHandler>('RefreshAccess'),
  LogOut: token<LogOutHandler>('LogOut'),
  SendPatientOtp: token<SendPatientOtpHandler>('SendPatientOtp'),
  VerifyPatientOtp: token<VerifyPatientOtpHandler>('VerifyPatientOtp'),
  GetCurrentStaff: token<GetCurrentStaffHandler>('GetCurrentStaff'),
  GetCurrentPatient: token<GetCurrentPatientHandler>('GetCurrentPatient'),
  AuthenticateCaller: token<AuthenticateCallerHandler>('AuthenticateCaller'),

  DevOutbox: token<DevOutbox | null>('DevOutbox'),
  SmsSender: token<SmsSender>('SmsSender'),
  WhatsAppSender: token<WhatsAppSender>('WhatsAppSender'),
  /** Bound by the video work; messaging treats it as optional until then. */
  MeetingLinkSource: token<MeetingLinkSource>('MeetingLinkSource'),
  NotificationLedger: token<NotificationLedger>('NotificationLedger'),
  NotificationReads: token<NotificationReads>('NotificationReads'),
  MessageContextReads: token<MessageContextReads>('MessageContextReads'),
  NotificationDelivery: token<NotificationDelivery>('NotificationDelivery'),
  SendAppointmentMessage: token<SendAppointmentMessageHandler>('SendAppointmentMessage'),
  NotificationQueries: token<NotificationQueries>('NotificationQueries'),

  // scheduling
  Centres: token<CentreRepository>('Centres'),
  CentreReads: token<CentreReads>('CentreReads'),
  ListCentres: token<ListCentresHandler>('ListCentres'),
  GetCentre: token<GetCentreHandler>('GetCentre'),
  CreateCentre: token<CreateCentreHandler>('CreateCentre'),
  UpdateCentre: token<UpdateCentreHandler>('UpdateCentre'),
  DeleteCentre: token<DeleteCentreHandler>('DeleteCentre'),
  ToggleCentreActive: token<ToggleCentreActiveHandler>('ToggleCentreActive'),

  // clinicians
  Clinicians: token<ClinicianRepository>('Clinicians'),
  ClinicianReads: token<ClinicianReads>('ClinicianReads'),
  CreateClinician: token<CreateClinicianHandler>('CreateClinician'),
  ManageClinician: token<ManageClinicianHandler>('ManageClinician'),
  SetClinicianSchedule: token<SetClinicianScheduleHandler>('SetClinicianSchedule'),
  ClinicianQueries: token<ClinicianQueries>('ClinicianQueries'),
  TakenTime: token<TakenTime>('TakenTime'),
  AvailableSlots: token<AvailableSlotsHandler>('AvailableSlots'),

  // booking
  Appointments: token<AppointmentRepository>('Appointments'),
  PaymentGateway: token<PaymentGateway>('PaymentGateway'),
  OpenSlotFinder: token<OpenSlotFinder>('OpenSlotFinder'),
  PaymentLinkOpener: token<PaymentLinkOpener>('PaymentLinkOpener'),
  BookAppointment: token<BookAppointmentHandler>('BookAppointment'),
  BookForPatient: token<BookForPatientHandler>('BookForPatient'),
  UpdateAppointment: token<UpdateAppointmentHandler>('UpdateAppointment'),
  CancelAppointment: token<CancelAppointmentHandler>('CancelAppointment'),

  // billing (payments)
  /** Razorpay's keys, or the fake's (generated once outside production and kept in platform_settings). */
  RazorpayKeys: token<RazorpayKeys>('RazorpayKeys'),
  Payments: token<PaymentRepository>('Payments'),
  WebhookEventLog: token<WebhookEventLog>('WebhookEventLog'),
  PaymentReads: token<PaymentReads>('PaymentReads'),
  PaymentCapture: token<PaymentCapture>('PaymentCapture'),
  ExpireHold: token<ExpireHoldJob>('ExpireHold'),
  CreateOrder: token<CreateOrderHandler>('CreateOrder'),
  VerifyCheckout: token<VerifyCheckoutHandler>('VerifyCheckout'),
  HandleWebhook: token<HandleWebhookHandler>('HandleWebhook'),
  CreatePaymentLink: token<CreatePaymentLinkHandler>('CreatePaymentLink'),
  VerifyPaymentLink: token<VerifyPaymentLinkHandler>('VerifyPaymentLink'),
  GetPayment: token<GetPaymentHandler>('GetPayment'),
  PaymentHistory: token<PaymentHistoryHandler>('PaymentHistory'),

  // video links (booking)
  MeetingGateway: token<MeetingGateway>('MeetingGateway'),
  VideoMeetings: token<VideoMeetings>('VideoMeetings'),
  MeetingLinks: token<MeetingLinks>('MeetingLinks'),

  // appointment reads
  AppointmentReads: token<AppointmentReads>('AppointmentReads'),
  ListAppointments: token<ListAppointmentsHandler>('ListAppointments'),
  GetAppointment: token<GetAppointmentHandler>('GetAppointment'),
  GetClinicianAgenda: token<GetClinicianAgendaHandler>('GetClinicianAgenda'),
  ListMyBookings: token<ListMyBookingsHandler>('ListMyBookings'),
  GetMyBooking: token<GetMyBookingHandler>('GetMyBooking'),

  // staff management (/api/users)
  StaffReads: token<StaffReads>('StaffReads'),
  CreateStaffUser: token<CreateStaffUserHandler>('CreateStaffUser'),
  UpdateStaffUser: token<UpdateStaffUserHandler>('UpdateStaffUser'),
  ToggleStaffActive: token<ToggleStaffActiveHandler>('ToggleStaffActive'),
  DeleteStaffUser: token<DeleteStaffUserHandler>('DeleteStaffUser'),
  StaffQueries: token<StaffQueries>('StaffQueries'),

  // clinical records
  PatientRecordReads: token<PatientRecordReads>('PatientRecordReads'),
  ClinicalRelationships: token<ClinicalRelationships>('ClinicalRelationships'),
  MedicalNotes: token<MedicalNoteRepository>('MedicalNotes'),
  MedicalNoteReads: token<MedicalNoteReads>('MedicalNoteReads'),
  ClinicalAuditLog: token<ClinicalAuditLog>('ClinicalAuditLog'),
  ClinicalGate: token<ClinicalGate>('ClinicalGate'),

  // patient dashboard (/api/patient)
  PatientDashboardQueries: token<PatientDashboardQueries>('PatientDashboardQueries'),
  UpdateMyProfile: token<UpdateMyProfileHandler>('UpdateMyProfile'),
  RateAppointment: token<RateAppointmentHandler>('RateAppointment'),

  // analytics
  AnalyticsReads: token<AnalyticsReads>('AnalyticsReads'),
  AnalyticsQueries: token<AnalyticsQueries>('AnalyticsQueries'),

  HttpMetrics: token<HttpMetrics>('HttpMetrics'),
  RateLimits: token<RateLimits>('RateLimits'),
  Endpoints: token<Endpoint[]>('Endpoints'),
  /** Multi-bound: each context's module binds its own group of endpoints here. */
  RouteGroups: token<Endpoint[]>('RouteGroups'),
};
