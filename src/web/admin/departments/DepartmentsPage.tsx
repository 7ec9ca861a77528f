import {
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { departmentRequest } from '../../../core/requests/administration.js';
import { isApiError } from '../../api/client.js';
import type { Department } from '../../api/types.js';
import { useLanguage } from '../../i18n/index.js';
import { ErrorMessage } from '../../layout/ErrorMessage.js';
import { AdminPageHeader, Notice, QueryState } from '../AdminPage.js';
import { errorsFromApi, errorsFromIssues, type FieldErrors, noFieldErrors } from '../form-errors.js';
import { useCreateDepartment, useDepartments, useRenameDepartment } from './departments-api.js';
import { RoutingTableEditor } from './RoutingTableEditor.js';

/** `/admin/departamentos`: the departments (queues) and where each report type goes by default. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [renaming, setRenaming] = useState<Department | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Stack gap="md">
      <AdminPageHeader
        title={t('admin.departments.title')}
        description={t('admin.departments.description')}
      />
      <Notice text={notice} onClose={() => setNotice(null)} />
      <Paper withBorder radius="md" component="section" aria-labelledby="departments-title">
        <Group justify="space-between" px="md" pt="md">
          <Title order={2} size="h4" id="departments-title">
            {t('admin.departments.listTitle')}
          </Title>
        </Group>
        <QueryState query={departments}>
          {(list) => (
            // Scrolls sideways on a phone rather than running past the page's edge.
            <Table.ScrollContainer minWidth={480}>
              <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" mt="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={240}>{t('admin.departments.code')}</Table.Th>
                    <Table.Th>{t('admin.departments.name')}</Table.Th>
                    <Table.Th w={140}>
                      <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((department) => (
                    <Table.Tr key={department.code}>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {department.code}
                        </Text>
                      </Table.Td>
                      <Table.Td>{department.name}</Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={t('admin.departments.renameLabel', { name: department.name })}
                          onClick={() => setRenaming(department)}
                        >
                          {t('admin.departments.rename')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
        <NewDepartmentForm onCreated={(d) => setNotice(t('admin.departments.created', { name: d.name }))} />
      </Paper>
      <RoutingTableEditor onSaved={(text) => setNotice(text)} />
      {renaming && (
        <RenameDialog
          department={renaming}
          onClose={() => setRenaming(null)}
          onDone={(d) => {
            setRenaming(null);
            setNotice(t('admin.departments.renamed', { name: d.name }));
          }}
        />
      )}
    </Stack>
  );
}

function NewDepartmentForm({ onCreated }: { onCreated: (department: Department) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useCreateDepartment();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>(noFieldErrors);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = departmentRequest.safeParse({ code, name });
    if (!parsed.success) return setErrors(errorsFromIssues(parsed.error.issues, ['code', 'name'], language));
    setErrors(noFieldErrors);
    create.mutate(parsed.data, {
      onSuccess: (department) => {
        setCode('');
        setName('');
        onCreated(department);
      },
      onError: (error) => {
        if (isApiError(error, 'department_exists'))
          setErrors({ byField: { code: error.message }, other: [] });
        else setErrors(errorsFromApi(error, ['code', 'name']) ?? noFieldErrors);
      },
    });
  }

  const shown =
    isApiError(create.error, 'department_exists') ||
    (isApiError(create.error) && create.error.fields.length > 0);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-department-title">
      <Stack gap="xs" p="md" bg="gray.0" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Text fw={600} size="sm" id="new-department-title">
          {t('admin.departments.newTitle')}
        </Text>
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('admin.departments.code')}
            description={t('admin.departments.codeHelp')}
            autoCapitalize="none"
            spellCheck={false}
            w={300}
            value={code}
            error={errors.byField.code}
            onChange={(event) => setCode(event.currentTarget.value.toLowerCase())}
          />
          <TextInput
            label={t('admin.departments.name')}
            description={t('admin.departments.nameHelp')}
            style={{ flex: 1 }}
            value={name}
            error={errors.byField.name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Button type="submit" mt={46} loading={create.isPending}>
            {t('admin.departments.create')}
          </Button>
        </Group>
        {create.error && !shown && <ErrorMessage error={create.error} />}
      </Stack>
    </form>
  );
}

function RenameDialog({
  department,
  onClose,
  onDone,
}: {
  department: Department;
  onClose: () => void;
  onDone: (department: Department) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rename = useRenameDepartment();
  const [name, setName] = useState(department.name);
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rename.isPending) return;
    const parsed = departmentRequest.pick({ name: true }).safeParse({ name });
    if (!parsed.success)
      return setError(errorsFromIssues(parsed.error.issues, ['name'], language).byField.name);
    setError(undefined);
    rename.mutate(
      { code: department.code, name: parsed.data.name },
      {
        onSuccess: onDone,
        onError: (failure) => setError(errorsFromApi(failure, ['name'])?.byField.name),
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('admin.departments.renameTitle', { code: department.code })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('admin.departments.name')}
            data-autofocus
            value={name}
            error={error}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          {rename.error && !error && <ErrorMessage error={rename.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('account.cancel')}
            </Button>
            <Button type="submit" loading={rename.isPending}>
              {t('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
