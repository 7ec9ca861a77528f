import {
  Anchor,
  Box,
  Button,
  FileButton,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report, ReportAttachment } from '../api/types.js';
import { formatDateTime } from '../format/dates.js';
import { localeOf, useLanguage } from '../i18n/index.js';
import { useUploadAttachment } from './back-office-api.js';
import { ATTACHMENT_ACCEPT, attachmentUrl, formatFileSize, hasThumbnail } from './report-work.js';
import { useWriteProblem, WriteProblem } from './use-write-problem.js';

/** Files on the report: images as thumbnails, everything else as a download link. */
export function AttachmentsPanel({ report }: { report: Report }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(report.number);
  const { problem, report: fail, clear } = useWriteProblem(report.number);
  const images = report.attachments.filter(hasThumbnail);
  const files = report.attachments.filter((a) => !hasThumbnail(a));
  // The picker forgets the file once sent, so choosing the same one again uploads it again.
  const resetPicker = useRef<() => void>(null);

  function send(file: File | null) {
    if (!file) return;
    clear();
    upload.mutate({ file, version: report.version }, { onError: fail });
    resetPicker.current?.();
  }

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="attachments-title"
      data-testid="attachments-panel"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h5" id="attachments-title">
            {t('backOffice.attachments.title')}
          </Title>
          <FileButton onChange={send} accept={ATTACHMENT_ACCEPT} resetRef={resetPicker}>
            {(props) => (
              <Button {...props} size="sm" variant="light" loading={upload.isPending}>
                {t('backOffice.attachments.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('backOffice.attachments.help')}
        </Text>
        {upload.isPending && upload.variables && (
          <Text size="sm" aria-live="polite">
            {t('backOffice.attachments.uploading', { name: upload.variables.file.name })}
          </Text>
        )}
        <WriteProblem problem={problem} onClose={clear} />
        {report.attachments.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('backOffice.attachments.none')}
          </Text>
        )}
        {images.length > 0 && (
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" data-testid="attachment-thumbnails">
            {images.map((attachment) => (
              <Thumbnail key={attachment.id} reportNumber={report.number} attachment={attachment} />
            ))}
          </SimpleGrid>
        )}
        {files.length > 0 && (
          <Stack
            gap={4}
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            data-testid="attachment-files"
          >
            {files.map((attachment) => (
              <li key={attachment.id}>
                <FileLink reportNumber={report.number} attachment={attachment} />
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function useAttachmentCaption(attachment: ReportAttachment) {
  const { t } = useTranslation();
  const language = useLanguage();
  return t('backOffice.attachments.caption', {
    size: formatFileSize(attachment.size, localeOf(language)),
    at: formatDateTime(attachment.uploadedAt, language),
    name: attachment.uploadedBy.name,
  });
}

function Thumbnail({ reportNumber, attachment }: { reportNumber: string; attachment: ReportAttachment }) {
  const caption = useAttachmentCaption(attachment);
  const url = attachmentUrl(reportNumber, attachment.id);
  return (
    <Box component="figure" m={0}>
      <Anchor href={url} download={attachment.name} title={attachment.name}>
        <Image
          src={url}
          alt={attachment.name}
          h={120}
          fit="cover"
          radius="sm"
          loading="lazy"
          data-testid="attachment-thumbnail"
        />
      </Anchor>
      <Text component="figcaption" size="xs" mt={2} lineClamp={1} title={attachment.name}>
        {attachment.name}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {caption}
      </Text>
    </Box>
  );
}

function FileLink({ reportNumber, attachment }: { reportNumber: string; attachment: ReportAttachment }) {
  const caption = useAttachmentCaption(attachment);
  return (
    <>
      <Anchor href={attachmentUrl(reportNumber, attachment.id)} download={attachment.name} size="sm" fw={500}>
        {attachment.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {caption}
      </Text>
    </>
  );
}
