import { Button, FileButton, Group, Image, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ComponentProps, type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validationMessage } from '../../core/validation-messages.js';
import { ApiError } from '../api/client.js';
import type { Report } from '../api/types.js';
import { useLanguage } from '../i18n/index.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { reportKey } from '../reports/report-api.js';
import { isStaleVersion } from '../workflow/workflow-api.js';
import { useFieldStep } from './technician-api.js';

/** Resolving on site: what was done (the customer reads it) and a photo from the phone's camera. */
export function ResolveFaultForm({
  report,
  onCancel,
  onResolved,
}: {
  report: Report;
  onCancel: () => void;
  onResolved: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const step = useFieldStep(report.number);
  const queryClient = useQueryClient();
  const photoId = useId();
  const [resolution, setResolution] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const preview = usePreviewUrl(photo);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (step.isPending) return;
    const text = resolution.trim();
    if (!text) {
      setFieldError(validationMessage('resolution', language));
      return;
    }
    step.mutate(
      {
        to: 'resolved',
        resolution: text,
        photo,
        version: report.version,
        onPhotoSaved: () => setPhoto(null),
      },
      {
        onSuccess: onResolved,
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0)
            setFieldError(error.fields.map((f) => f.message).join(' '));
          else if (isStaleVersion(error))
            void queryClient.invalidateQueries({ queryKey: reportKey(report.number) });
        },
      },
    );
  }

  const error = step.error;
  const showError = error && !(error instanceof ApiError && error.fields.length > 0);

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg="gray.0"
      component="form"
      onSubmit={submit}
      noValidate
      data-testid="resolve-form"
    >
      <Stack gap="sm">
        <Textarea
          label={t('technician.resolution')}
          description={t('technician.resolutionHelp')}
          autosize
          minRows={3}
          maxRows={8}
          size="md"
          data-autofocus
          value={resolution}
          error={fieldError}
          onChange={(event) => {
            setResolution(event.currentTarget.value);
            setFieldError(undefined);
          }}
        />
        <div>
          <Text fw={500} size="md" mb={4} id={photoId}>
            {t('technician.photo')}
          </Text>
          {/* `capture`: the phone opens its rear camera straight away (a gallery pick works too). */}
          <FileButton
            onChange={setPhoto}
            accept="image/*"
            capture="environment"
            inputProps={
              { 'data-testid': 'resolve-photo', 'aria-labelledby': photoId } as ComponentProps<'input'>
            }
          >
            {(props) => (
              <Button {...props} variant="light" size="lg" h={52} fullWidth aria-describedby={photoId}>
                {photo ? t('technician.retakePhoto') : t('technician.takePhoto')}
              </Button>
            )}
          </FileButton>
          {photo && preview && (
            <Group mt="xs" gap="sm" wrap="nowrap" align="center">
              <Image src={preview} alt={t('technician.photoPreview')} h={96} w={96} fit="cover" radius="sm" />
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text size="sm" truncate>
                  {photo.name}
                </Text>
                <Button variant="subtle" color="gray" size="compact-md" onClick={() => setPhoto(null)}>
                  {t('technician.removePhoto')}
                </Button>
              </Stack>
            </Group>
          )}
        </div>
        {showError &&
          (isStaleVersion(error) ? (
            <Text c="orange.9" size="sm" role="alert">
              {t('workflow.staleVersion')}
            </Text>
          ) : (
            <ErrorMessage error={error} />
          ))}
        <Group grow gap="xs">
          <Button variant="default" size="lg" h={52} onClick={onCancel} disabled={step.isPending}>
            {t('workflow.back')}
          </Button>
          <Button type="submit" color="teal" size="lg" h={52} loading={step.isPending}>
            {t('technician.resolveSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A `blob:` address to show the chosen photo before it is sent (the page's CSP allows blob images). */
function usePreviewUrl(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(file);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [file]);
  return url;
}
