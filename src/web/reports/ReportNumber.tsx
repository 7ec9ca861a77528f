import { Button, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatReportNumber } from '../../core/report-number.js';

/**
 * The number as an agent reads it aloud: `2611-00042-7`, large, digits of equal width, always on
 * one line (at a phone's width it broke after the first dash); on a narrow screen it shrinks to
 * fit (a tenth of the screen's width a character).
 */
export function ReportNumber({ number, size = 56 }: { number: string; size?: number }) {
  return (
    <Text
      component="output"
      data-testid="report-number"
      fz={`min(${size}px, 10vw)`}
      fw={700}
      lh={1.1}
      style={{
        fontVariantNumeric: 'tabular-nums',
        letterSpacing: '0.04em',
        display: 'block',
        whiteSpace: 'nowrap',
      }}
    >
      {formatReportNumber(number)}
    </Text>
  );
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // The office LAN may serve Folio over plain http, where the Clipboard API does not exist.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy failed');
}

export function CopyNumberButton({ number, ref }: { number: string; ref?: Ref<HTMLButtonElement> }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await copyText(formatReportNumber(number));
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2500);
  }

  return (
    <Group gap="xs">
      <Tooltip label={t('filed.copyFailed')} opened={state === 'failed'} withArrow>
        <Button
          ref={ref}
          variant={state === 'copied' ? 'filled' : 'light'}
          color={state === 'copied' ? 'teal' : undefined}
          onClick={copy}
        >
          {state === 'copied' ? `✓ ${t('filed.copied')}` : t('filed.copy')}
        </Button>
      </Tooltip>
      <VisuallyHidden aria-live="polite">{state === 'copied' ? t('filed.copied') : ''}</VisuallyHidden>
    </Group>
  );
}
