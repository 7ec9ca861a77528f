import { Kbd, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatReportNumber } from '../../core/report-number.js';
import { lookupState } from './lookup-state.js';
import { reportPath } from './report-api.js';

/** The header's "buscar reporte" box: checks the number as it is typed, Enter opens it. */
export function ReportLookup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const [input, setInput] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const state = lookupState(input);

  const focusLookup = (event: KeyboardEvent | globalThis.KeyboardEvent) => {
    event.preventDefault();
    inputRef.current?.focus();
    inputRef.current?.select();
  };
  // "/" only when the agent is not typing somewhere else; Alt+B works from anywhere.
  useHotkeys([['/', focusLookup]]);
  useHotkeys([['alt+B', focusLookup]], []);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      setInput('');
      setSubmitted(false);
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    setSubmitted(true);
    if (state.kind !== 'ready') return;
    setInput('');
    setSubmitted(false);
    void navigate(reportPath(state.number));
  }

  let description: string | undefined;
  let error: string | undefined;
  switch (state.kind) {
    case 'empty':
      description = t('lookup.shortcut');
      break;
    case 'incomplete':
      if (submitted) error = t('lookup.malformed');
      else description = t('lookup.incomplete');
      break;
    case 'ready':
      description = t('lookup.ready', { number: formatReportNumber(state.number) });
      break;
    case 'check_digit_mismatch':
      error = t('lookup.checkDigit');
      break;
    case 'malformed':
      error = t('lookup.malformed');
      break;
  }

  return (
    <TextInput
      ref={inputRef}
      aria-label={t('lookup.label')}
      placeholder={t('lookup.placeholder')}
      value={input}
      onChange={(event) => {
        setInput(event.currentTarget.value);
        setSubmitted(false);
      }}
      onKeyDown={onKeyDown}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      rightSection={state.kind === 'empty' ? <Kbd size="xs">/</Kbd> : undefined}
      description={description}
      error={error}
      w={300}
      styles={{
        input: { fontVariantNumeric: 'tabular-nums', letterSpacing: '0.04em' },
        description: { whiteSpace: 'nowrap' },
        error: { whiteSpace: 'nowrap' },
      }}
      inputWrapperOrder={['input', 'description', 'error']}
      data-testid="report-lookup"
    />
  );
}
