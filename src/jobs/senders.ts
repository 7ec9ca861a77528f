import { createTransport } from 'nodemailer';
import type { NoticesConfig } from '../config.js';

/** How each channel hands a message on; a channel that is off has no sender. */
export interface Senders {
  email?: (to: string, subject: string, text: string) => Promise<void>;
  sms?: (to: string, text: string) => Promise<void>;
}

/*
 * Every wait is bounded well inside the worker's two-minute claim on a notice, so a notice
 * is never sent by one worker while another, seeing the claim run out, sends it again.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
const SMS_TIMEOUT_MS = 15_000;

/** Only the first line of a provider's answer is kept: it ends up in the outbox's last error. */
function excerpt(text: string): string {
  return text.split('\n', 1)[0]?.slice(0, 200) ?? '';
}

export function createSenders(config: NoticesConfig): Senders {
  const senders: Senders = {};
  if (config.smtpUrl) {
    const transport = createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS });
    senders.email = async (to, subject, text) => {
      const info = await transport.sendMail({ from: config.mailFrom, to, subject, text });
      if (info.rejected.length > 0) throw new Error(`the mail server refused ${info.rejected.join(', ')}`);
    };
  }
  if (config.smsUrl) {
    const url = config.smsUrl;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (config.smsToken) headers.authorization = `Bearer ${config.smsToken}`;
    senders.sms = async (to, text) => {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
      });
      // Read to the end either way, so the connection goes back to the pool.
      const answer = await response.text();
      if (!response.ok) throw new Error(`SMS provider answered ${response.status}: ${excerpt(answer)}`);
    };
  }
  return senders;
}
