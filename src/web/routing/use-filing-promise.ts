import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import type { ReportType } from '../../core/report.js';
import type { PromisePreviewRequest } from '../../core/requests/file-report.js';
import { ApiError } from '../api/client.js';
import { type FilingOptions, filingPlan, ROUTING_FIELDS, type RoutingField } from './filing-options.js';
import { usePromisePreview, useRoutingTable } from './routing-api.js';

/** Long enough to skip the states a click or two passes through, short enough to feel live. */
const PREVIEW_DELAY_MS = 250;

/**
 * Everything the filing form needs to show where a report will go and what it will promise:
 * the plan from the routing table (instantly) and the server's preview (debounced).
 */
export function useFilingPromise(customerNumber: string, type: ReportType | '', options: FilingOptions) {
  const routing = useRoutingTable();
  const plan = type ? filingPlan(type, options, routing.table) : null;
  const request: PromisePreviewRequest | null = plan
    ? { customerNumber, type: type as ReportType, ...plan.request }
    : null;

  // Debounced as text: a new but equal object each render must not restart the wait.
  const requestText = JSON.stringify(request);
  const [debouncedText] = useDebouncedValue(requestText, PREVIEW_DELAY_MS);
  const debounced = useMemo(() => JSON.parse(debouncedText) as PromisePreviewRequest | null, [debouncedText]);
  const preview = usePromisePreview(debounced);

  const previewErrors: Partial<Record<RoutingField, string>> = {};
  const error = preview.error;
  if (error instanceof ApiError) {
    for (const field of error.fields) {
      const option = ROUTING_FIELDS.find((name) => name === field.path);
      if (option) previewErrors[option] ??= field.message;
    }
  }

  return {
    plan,
    routing,
    preview,
    previewErrors,
    /** The preview on screen is for other options than those now chosen (still waiting or loading). */
    previewOutdated: requestText !== debouncedText || preview.isPlaceholderData,
  };
}
