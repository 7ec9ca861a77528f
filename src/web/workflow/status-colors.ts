import type { ReportStatus } from '../../core/report.js';

/**
 * Each status's colour, the same wherever a status is shown (the report page's badge, the
 * technician's card, the customer's follow-up page), so a colour means one status everywhere.
 * Hues of the theme; text on white takes the shade `statusTextColor` gives, dark enough to read.
 */
export const STATUS_COLORS: Readonly<Record<ReportStatus, string>> = {
  new: 'blue',
  assigned: 'indigo',
  in_progress: 'violet',
  waiting_customer: 'orange',
  resolved: 'teal',
  closed: 'gray',
  cancelled: 'red',
};

/** A status's colour as text on white (shade 9: orange's 8 was too light to read). */
export function statusTextColor(status: ReportStatus): string {
  return `${STATUS_COLORS[status]}.9`;
}
