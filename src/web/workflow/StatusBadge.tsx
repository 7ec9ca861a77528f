import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../core/report.js';
import { STATUS_COLORS } from './status-colors.js';

/**
 * A report's status as a badge that always shows its whole label. Mantine keeps a badge's label
 * on one line and cuts it with an ellipsis: "En espera del cliente" read "En espera del clie…" in
 * the queue's status column, and "En proceso" read "En proc…" on the technician's card at phone
 * width. Here the badge keeps its width where it can (`flexShrink: 0`) and the label wraps where
 * it cannot, the badge growing to fit it. Its colour is the status's (status-colors.ts) unless
 * given.
 */
export function StatusBadge({
  status,
  ...props
}: { status: ReportStatus } & Omit<BadgeProps, 'children' | 'styles'>) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} {...props} styles={WHOLE_LABEL}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}

const WHOLE_LABEL = {
  root: { height: 'auto', maxWidth: '100%', flexShrink: 0 },
  label: {
    whiteSpace: 'normal',
    overflow: 'visible',
    textOverflow: 'clip',
    lineHeight: 1.3,
    paddingBlock: 2,
  },
} as const;
