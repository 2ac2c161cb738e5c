import * as v from 'valibot';
import type {
  AgendaItem,
  AppointmentDetail,
  AppointmentSummary,
} from '../../../../application/booking/ports/appointment-reads.js';
import {
  APPOINTMENT_STATUSES,
  PAYMENT_STATUSES,
  SESSION_TYPES,
} from '../../../../domain/booking/appointment-status.js';
import { paiseToRupees } from '../../../../domain/shared/money.js';

/** Presenters in the spec's shapes: money in rupees; the video link once an ONLINE session has one. */

export function appointmentListItem(a: AppointmentSummary) {
  return {
    id: a.id,
    patientId: a.patientId,
    patientName: a.patientName,
    clinicianId: a.clinicianId,
    clinicianName: a.clinicianName,
    centreId: a.centreId,
    centreName: a.centreName,
    appointmentDate: a.appointmentDate,
    appointmentTime: a.appointmentTime,
    sessionType: a.sessionType,
    status: a.status,
    consultationFee: paiseToRupees(a.feePaise),
    paymentStatus: a.paymentStatus,
  };
}

export function appointmentDetail(a: AppointmentDetail) {
  const { consultationFee, paymentStatus, ...rest } = appointmentListItem(a);
  return {
    ...rest,
    patientPhone: a.patientPhone,
    consultationFee,
    paymentStatus,
    paymentLink: a.paymentLink,
    meetLink: a.meetLink,
    notes: a.notes,
  };
}

export function agendaItem(a: AgendaItem) {
  return {
    id: a.id,
    patientName: a.patientName,
    appointmentDate: a.appointmentDate,
    appointmentTime: a.appointmentTime,
    sessionType: a.sessionType,
    status: a.status,
    meetLink: a.meetLink,
  };
}

/** The fields every appointment shape shares (also the patients' booking shapes). */
export const appointmentCore = {
  id: v.number(),
  appointmentDate: v.string(),
  appointmentTime: v.string(),
  sessionType: v.picklist(SESSION_TYPES),
  status: v.picklist(APPOINTMENT_STATUSES),
};
export const money = { consultationFee: v.number(), paymentStatus: v.picklist(PAYMENT_STATUSES) };
const parties = {
  patientId: v.number(),
  patientName: v.nullable(v.string()),
  clinicianId: v.number(),
  clinicianName: v.string(),
  centreId: v.number(),
  centreName: v.string(),
};

export const AppointmentListItemData = v.object({ ...appointmentCore, ...parties, ...money });
export const AppointmentDetailData = v.object({
  ...appointmentCore,
  ...parties,
  ...money,
  patientPhone: v.string(),
  paymentLink: v.nullable(v.string()),
  meetLink: v.nullable(v.string()),
  notes: v.nullable(v.string()),
});
const AgendaItemData = v.object({
  ...appointmentCore,
  patientName: v.nullable(v.string()),
  meetLink: v.nullable(v.string()),
});
export const AgendaData = v.object({
  current: v.array(AgendaItemData),
  upcoming: v.array(AgendaItemData),
  past: v.array(AgendaItemData),
});
