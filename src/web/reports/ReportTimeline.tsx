import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../api/types.js';
import { formatDateTime } from '../format/dates.js';
import { formatDuration } from '../format/durations.js';
import { useLanguage } from '../i18n/index.js';
import { useRoutingTable } from '../routing/routing-api.js';
import { departmentName } from '../routing/routing-table.js';
import { describeEvent, type TimelineLine, type TimelineVocabulary } from './timeline-text.js';

const KIND_COLORS: Record<string, string> = {
  promise_at_risk: 'orange',
  promise_breached: 'red',
  rerouted: 'indigo',
};

/** The report's append-only history, oldest first, as the API sends it. */
export function ReportTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const { departments } = useRoutingTable();
  if (events.length === 0) return <Text c="dimmed">{t('report.emptyTimeline')}</Text>;

  const say: TimelineVocabulary = {
    date: (iso) => formatDateTime(iso, language),
    track: (track) =>
      i18n.exists(`trackShort.${track}`) ? t(`trackShort.${track}` as 'trackShort.review') : track,
    department: (code) => departmentName(departments, code),
    status: (status) => t(`statuses.${status}`),
    duration: (ms) => formatDuration(ms, t),
  };
  // The key is one of `timeline.*`; i18next's types cannot check a computed key's values.
  const line = ({ key, values }: TimelineLine) =>
    t(`timeline.${key}` as 'timeline.filed', { replace: values ?? {} });
  // Event kinds grow with the workflow; one this page has no sentence for shows by its name.
  const kindLabel = (kind: string) =>
    i18n.exists(`timelineKinds.${kind}`) ? t(`timelineKinds.${kind}` as 'timelineKinds.filed') : kind;

  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="report-timeline">
      {events.map((event, index) => {
        const text = describeEvent(event, say);
        return (
          <Timeline.Item
            // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is append-only, so an index never changes meaning.
            key={`${event.at}-${index}`}
            color={KIND_COLORS[event.kind]}
            title={
              <Text fw={600} size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {text ? line(text.title) : kindLabel(event.kind)}
              </Text>
            }
          >
            {text?.details.map((detail) => (
              <Text key={detail.key} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {line(detail)}
              </Text>
            ))}
            <Text size="xs" c="dimmed">
              {formatDateTime(event.at, language)} · {event.actor?.name ?? t('report.system')}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
