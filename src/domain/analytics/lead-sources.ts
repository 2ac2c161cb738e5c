import type { LeadSource } from '../identity/patient.js';

/** How the spec names each source on the leads chart. */
export const LEAD_SOURCE_LABELS: Readonly<Record<LeadSource, string>> = {
  WEBSITE: 'Website',
  WHATSAPP: 'WhatsApp',
  WALK_IN: 'Walk-in',
  REFERRAL: 'Referral',
  PHONE: 'Phone',
  OTHER: 'Other',
};
