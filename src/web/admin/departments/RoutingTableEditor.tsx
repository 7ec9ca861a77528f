import { Button, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_TYPES, type ReportType } from '../../../core/report.js';
import { routingRuleRequest } from '../../../core/requests/settings.js';
import type { RoutingRule, Track } from '../../../core/routing.js';
import { TRACKS } from '../../../core/routing.js';
import type { Department } from '../../api/types.js';
import { useLanguage } from '../../i18n/index.js';
import { ErrorMessage } from '../../layout/ErrorMessage.js';
import { useRoutingTable } from '../../routing/routing-api.js';
import { QueryState } from '../AdminPage.js';
import { errorsFromApi, errorsFromIssues, type FieldErrors, noFieldErrors } from '../form-errors.js';
import { useUpdateRoutingRule } from './departments-api.js';

const RULE_FIELDS = ['track', 'department', 'trackWhenDocumentsNeeded'] as const;

/**
 * Where each report type goes unless the agent chooses otherwise: its track (and so its
 * promise), its department, and the track it takes when documents are needed.
 */
export function RoutingTableEditor({ onSaved }: { onSaved: (text: string) => void }) {
  const { t } = useTranslation();
  const routing = useRoutingTable();

  return (
    <Paper withBorder radius="md" component="section" aria-labelledby="routing-title">
      <Stack px="md" pt="md" gap={2}>
        <Title order={2} size="h4" id="routing-title">
          {t('admin.routing.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.routing.description')}
        </Text>
      </Stack>
      <QueryState query={routing}>
        {(data) => (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" horizontalSpacing="md" mt="xs" data-testid="routing-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.routing.type')}</Table.Th>
                  <Table.Th w="24%">{t('admin.routing.track')}</Table.Th>
                  <Table.Th w="24%">{t('admin.routing.department')}</Table.Th>
                  <Table.Th w="24%">{t('admin.routing.trackWhenDocumentsNeeded')}</Table.Th>
                  <Table.Th w={110} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {REPORT_TYPES.map((type) => {
                  const rule = routing.table[type];
                  return (
                    <RuleRow
                      // A saved rule comes back changed: the row starts again from it.
                      key={`${type}:${rule.track}:${rule.departmentCode}:${rule.trackWhenDocumentsNeeded ?? ''}`}
                      type={type}
                      rule={rule}
                      departments={data.departments}
                      onSaved={() => onSaved(t('admin.routing.saved', { type: t(`reportTypes.${type}`) }))}
                    />
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Paper>
  );
}

function RuleRow({
  type,
  rule,
  departments,
  onSaved,
}: {
  type: ReportType;
  rule: RoutingRule;
  departments: Department[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const update = useUpdateRoutingRule();
  const [track, setTrack] = useState<Track>(rule.track);
  const [department, setDepartment] = useState(rule.departmentCode);
  const [documentsTrack, setDocumentsTrack] = useState<Track | ''>(rule.trackWhenDocumentsNeeded ?? '');
  const [errors, setErrors] = useState<FieldErrors>(noFieldErrors);

  const changed =
    track !== rule.track ||
    department !== rule.departmentCode ||
    documentsTrack !== (rule.trackWhenDocumentsNeeded ?? '');
  const typeName = t(`reportTypes.${type}`);

  function save() {
    const request = { track, department, trackWhenDocumentsNeeded: documentsTrack || null };
    const parsed = routingRuleRequest.safeParse(request);
    if (!parsed.success) return setErrors(errorsFromIssues(parsed.error.issues, RULE_FIELDS, language));
    setErrors(noFieldErrors);
    update.mutate(
      { type, rule: request },
      {
        onSuccess: onSaved,
        onError: (error) => setErrors(errorsFromApi(error, RULE_FIELDS) ?? noFieldErrors),
      },
    );
  }

  const fieldProblems = errorsFromApi(update.error, RULE_FIELDS);
  const trackOptions = TRACKS.map((value) => ({ value, label: t(`tracks.${value}`) }));
  const knownDepartment = departments.some((d) => d.code === department);
  return (
    <>
      <Table.Tr bg={changed ? 'yellow.0' : undefined} data-testid={`routing-row-${type}`}>
        <Table.Td>
          <Text size="sm" fw={600}>
            {typeName}
          </Text>
        </Table.Td>
        <Table.Td>
          <NativeSelect
            size="sm"
            aria-label={t('admin.routing.trackFor', { type: typeName })}
            value={track}
            error={errors.byField.track}
            onChange={(event) => setTrack(event.currentTarget.value as Track)}
            data={trackOptions}
          />
        </Table.Td>
        <Table.Td>
          <NativeSelect
            size="sm"
            aria-label={t('admin.routing.departmentFor', { type: typeName })}
            value={department}
            error={errors.byField.department}
            onChange={(event) => setDepartment(event.currentTarget.value)}
            data={[
              ...(knownDepartment ? [] : [{ value: department, label: department }]),
              ...departments.map((d) => ({ value: d.code, label: d.name })),
            ]}
          />
        </Table.Td>
        <Table.Td>
          <NativeSelect
            size="sm"
            aria-label={t('admin.routing.documentsTrackFor', { type: typeName })}
            value={documentsTrack}
            error={errors.byField.trackWhenDocumentsNeeded}
            onChange={(event) => setDocumentsTrack(event.currentTarget.value as Track | '')}
            data={[{ value: '', label: t('admin.routing.sameTrack') }, ...trackOptions]}
          />
        </Table.Td>
        <Table.Td ta="right">
          <Button size="compact-sm" disabled={!changed} loading={update.isPending} onClick={save}>
            {t('admin.save')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {update.error && !(fieldProblems && fieldProblems.other.length === 0) && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <ErrorMessage error={update.error} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
