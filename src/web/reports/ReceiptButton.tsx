import { Button, Group, SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportUrl } from './report-api.js';

export const RECEIPT_FORMATS = ['letter', 'thermal'] as const;
export type ReceiptFormat = (typeof RECEIPT_FORMATS)[number];

const STORAGE_KEY = 'folio.receiptFormat';

export const receiptUrl = (number: string, format: ReceiptFormat) =>
  `${reportUrl(number)}/receipt.pdf?format=${format}`;

/** A counter prints on the same printer all day: its choice is remembered in this browser. */
function storedFormat(): ReceiptFormat {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'thermal' ? 'thermal' : 'letter';
  } catch {
    return 'letter';
  }
}

/**
 * "Imprimir comprobante": the PDF opens in a new tab, where the browser prints it. A plain
 * link, so the session cookie goes along and the browser's own PDF viewer does the printing.
 */
export function ReceiptButton({ number }: { number: string }) {
  const { t } = useTranslation('public');
  const [format, setFormat] = useState<ReceiptFormat>(storedFormat);
  const hintId = useId();

  function choose(next: ReceiptFormat) {
    setFormat(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or storage full: the choice lasts for this page only.
    }
  }

  return (
    <Group gap="xs" data-testid="receipt">
      <SegmentedControl
        aria-label={t('receipt.format')}
        value={format}
        onChange={(value) => choose(value === 'thermal' ? 'thermal' : 'letter')}
        data={RECEIPT_FORMATS.map((value) => ({ value, label: t(`receipt.${value}`) }))}
      />
      <Button
        component="a"
        href={receiptUrl(number, format)}
        target="_blank"
        rel="noopener"
        variant="default"
        aria-describedby={hintId}
      >
        {t('receipt.print')}
      </Button>
      <VisuallyHidden id={hintId}>{t('receipt.opensInNewTab')}</VisuallyHidden>
    </Group>
  );
}
