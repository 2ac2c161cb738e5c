/** A message to one phone, by template; `text` is what the person reads. */
export interface OutboundMessage {
  to: string;
  template: string;
  text: string;
  params: Record<string, string>;
}

/** Staff OTPs go by SMS. */
export interface SmsSender {
  send(message: OutboundMessage): Promise<void>;
}

/** Patients' OTPs and every patient message go by WhatsApp. */
export interface WhatsAppSender {
  send(message: OutboundMessage): Promise<void>;
}
