import { Button, Checkbox, Collapse, Group, NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXTERNAL_MAX_DAYS, EXTERNAL_MIN_DAYS } from '../../core/promise.js';
import type { ReportType } from '../../core/report.js';
import {
  EXTERNAL_CAUSES,
  type ExternalCause,
  type RoutingTable,
  TRACKS,
  type Track,
} from '../../core/routing.js';
import type { Department } from '../api/types.js';
import { type FilingOptions, type FilingPlan, filingPlan, type RoutingField } from './filing-options.js';
import { departmentName } from './routing-table.js';

interface RoutingOptionsFieldsProps {
  type: ReportType;
  options: FilingOptions;
  onChange: (options: FilingOptions) => void;
  plan: FilingPlan;
  table: RoutingTable;
  departments: Department[] | undefined;
  errors: Partial<Record<RoutingField, string>>;
}

const EXTERNAL_DAY_CHOICES = Array.from(
  { length: EXTERNAL_MAX_DAYS - EXTERNAL_MIN_DAYS + 1 },
  (_, index) => EXTERNAL_MIN_DAYS + index,
);

/** The options that change where a report goes and what it promises; only those that apply. */
export function RoutingOptionsFields(props: RoutingOptionsFieldsProps) {
  const { type, options, onChange, plan, table, departments, errors } = props;
  const { t } = useTranslation();
  const [overrideOpen, setOverrideOpen] = useState(false);
  const { applicable } = plan;
  const set = (changes: Partial<FilingOptions>) => onChange({ ...options, ...changes });
  // What the table alone would choose, to name the "as the table says" choice.
  const byTable = filingPlan(type, { ...options, track: '', department: '' }, table);
  const showOverride = overrideOpen || errors.track !== undefined || errors.department !== undefined;

  return (
    <Stack gap="xs" data-testid="routing-options">
      {applicable.urgent && (
        <Checkbox
          label={t('routingOptions.urgent')}
          description={t('routingOptions.urgentHelp')}
          checked={options.urgent}
          error={errors.urgent}
          onChange={(event) => set({ urgent: event.currentTarget.checked })}
        />
      )}
      {applicable.external && (
        <Checkbox
          label={t('routingOptions.external')}
          description={t('routingOptions.externalHelp')}
          checked={options.track === 'external'}
          onChange={(event) => set({ track: event.currentTarget.checked ? 'external' : '' })}
        />
      )}
      {applicable.externalDetails && (
        <Group grow align="flex-start" pl={applicable.external ? 32 : 0}>
          <NativeSelect
            label={t('routingOptions.externalDays')}
            value={String(options.externalDays)}
            error={errors.externalDays}
            onChange={(event) => set({ externalDays: Number(event.currentTarget.value) })}
            data={EXTERNAL_DAY_CHOICES.map((days) => ({
              value: String(days),
              label: t('routingOptions.externalDaysValue', { count: days }),
            }))}
          />
          <NativeSelect
            label={t('routingOptions.externalCause')}
            required
            value={options.externalCause}
            error={errors.externalCause}
            onChange={(event) => set({ externalCause: event.currentTarget.value as ExternalCause | '' })}
            data={[
              { value: '', label: t('routingOptions.externalCausePlaceholder'), disabled: true },
              ...EXTERNAL_CAUSES.map((cause) => ({ value: cause, label: t(`externalCauses.${cause}`) })),
            ]}
          />
        </Group>
      )}
      {applicable.documentsNeeded && (
        <Checkbox
          label={t('routingOptions.documentsNeeded')}
          description={t('routingOptions.documentsNeededHelp')}
          checked={options.documentsNeeded}
          error={errors.documentsNeeded}
          onChange={(event) => set({ documentsNeeded: event.currentTarget.checked })}
        />
      )}
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          px={4}
          aria-expanded={showOverride}
          aria-controls="routing-override"
          onClick={() => setOverrideOpen(!showOverride)}
        >
          {showOverride ? '▾' : '▸'} {t('routingOptions.override')}
        </Button>
      </div>
      <Collapse expanded={showOverride} id="routing-override" keepMounted={false}>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('routingOptions.track')}
            value={options.track}
            error={errors.track}
            onChange={(event) => set({ track: event.currentTarget.value as Track | '' })}
            data={[
              {
                value: '',
                label: t('routingOptions.asTable', { value: t(`tracks.${byTable.track}`) }),
              },
              ...TRACKS.map((track) => ({ value: track, label: t(`tracks.${track}`) })),
            ]}
          />
          <NativeSelect
            label={t('routingOptions.department')}
            value={options.department}
            error={errors.department}
            onChange={(event) => set({ department: event.currentTarget.value })}
            data={[
              {
                value: '',
                label: t('routingOptions.asTable', {
                  value: departmentName(departments, byTable.departmentCode),
                }),
              },
              ...(departments ?? []).map((department) => ({
                value: department.code,
                label: department.name,
              })),
            ]}
          />
        </Group>
      </Collapse>
    </Stack>
  );
}
