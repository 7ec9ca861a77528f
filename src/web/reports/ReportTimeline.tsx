import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../api/types.js';
import { formatDateTime } from '../format/dates.js';
import { useLanguage } from '../i18n/index.js';

/** The report's append-only history, oldest first, as the API sends it. */
export function ReportTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  if (events.length === 0) return <Text c="dimmed">{t('report.emptyTimeline')}</Text>;

  // Event kinds grow with the workflow; one this page does not know yet shows as sent.
  const kindLabel = (kind: string) =>
    i18n.exists(`timelineKinds.${kind}`) ? t(`timelineKinds.${kind}` as 'timelineKinds.filed') : kind;

  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="report-timeline">
      {events.map((event, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is append-only, so an index never changes meaning.
        <Timeline.Item key={`${event.at}-${index}`} title={kindLabel(event.kind)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at, language)} · {event.actor?.name ?? t('report.system')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
