import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  type MantineThemeOverride,
  mergeThemeOverrides,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Colours that read at 4.5:1 or more (WCAG AA), where Mantine's did not:
 * - text on light badges and alerts: the colour's darkest shade, darkened a little more (teal's
 *   shade 9 was 4.3:1 on the "on track" badge);
 * - a filled button under the mouse: darker than the button, not lighter (with shade 9 for filled
 *   colours, Mantine's hover is shade 8: white on teal 8 was 3.9:1).
 */
const readableVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'filled') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colors;
  const darkest = input.theme.colors[parsed.color]?.[9];
  if (!darkest) return colors;
  return input.variant === 'light'
    ? { ...colors, color: darken(darkest, 0.2), hoverColor: darken(darkest, 0.2) }
    : { ...colors, hover: darken(darkest, 0.1) };
};

/**
 * Calm and dense enough for a working day at the counter; focus rings always visible on keyboard use.
 * Every text meets WCAG AA contrast (e2e/accessibility.spec.ts checks the main pages with axe):
 * filled buttons and links take shade 9 (white on teal's 8 was 3.9:1, a link in a breached queue
 * row 4.1:1), and dimmed text a darker grey than Mantine's (gray 6 was 3.3:1 on white).
 */
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 9,
  defaultRadius: 'sm',
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif',
  fontFamilyMonospace:
    'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", Menlo, monospace',
  headings: { fontWeight: '700' },
  variantColorResolver: readableVariants,
  components: {
    // A table that scrolls sideways in its box keeps its visually hidden labels (absolutely
    // positioned) inside the box: unpositioned, they widened the page at a phone's width.
    TableScrollContainer: { styles: { scrollContainer: { position: 'relative' } } },
  },
});

/**
 * Dimmed text at 5:1 or more on white, the grey panels and the tinted rows of the queue; error
 * messages in red 9 (Mantine's red 6 was 3.1:1 under a field on the grey of the public pages).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});

/** The colour of an error message written as text (Mantine's own for a field's error). */
export const ERROR_TEXT = 'var(--mantine-color-error)';

/**
 * The theme with every close button (of dialogs, alerts, notices) named for screen readers in the
 * page's language: Mantine's has an icon and no name.
 */
export function themeWithCloseLabel(closeLabel: string): MantineThemeOverride {
  return mergeThemeOverrides(theme, {
    components: { CloseButton: { defaultProps: { 'aria-label': closeLabel } } },
  });
}
