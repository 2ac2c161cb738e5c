import type { SessionType } from '../../../domain/booking/appointment-status.js';

/** One of the patient's coming sessions, at its centre's wall-clock time. */
export interface UpcomingAppointment {
  id: number;
  clinicianName: string;
  appointmentDate: string;
  appointmentTime: string;
  sessionType: SessionType;
}

export interface RecentPayment {
  appointmentId: number;
  amountPaise: number;
  status: string;
  paidAt: Date;
}

export interface DashboardOverview {
  upcomingAppointments: UpcomingAppointment[];
  recentPayments: RecentPayment[];
  /** Every appointment of the patient's that was not cancelled. */
  totalAppointments: number;
  /** Captured payments minus refunds. */
  totalSpentPaise: number;
}

export interface PatientProfile {
  id: number;
  fullName: string | null;
  phone: string;
  email: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  bloodGroup: string | null;
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
}

/** The patient's own figures, each a SQL read filtered by the patient's id and nothing else. */
export interface PatientDashboardReads {
  /** `shown` upcoming sessions and recent payments at most; one statement. */
  overview(patientId: number, now: Date, shown: number): Promise<DashboardOverview>;
  profile(patientId: number): Promise<PatientProfile | null>;
}
