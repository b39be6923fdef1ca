import {
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Plain and official: UN blue (#009EDB, shade 5) as the accent only; buttons, links and focus use the darker
 * shades, which keep at least 4.5:1 against white (UN blue itself does not).
 */
const unBlue: MantineColorsTuple = [
  '#e5f6fd',
  '#cdeefb',
  '#9bdcf6',
  '#64c9f1',
  '#35b8ec',
  '#009edb',
  '#0084b8',
  '#006a94',
  '#005578',
  '#00405a',
];

/** Text on light, outline and subtle variants darker than the colour's darkest shade: Mantine's default (shade 6) is too pale. */
const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'outline' && input.variant !== 'subtle') return resolved;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return resolved;
  // on the tinted background of the light variant even shade 9 of green or red falls short of 4.5:1
  const text = `color-mix(in srgb, var(--mantine-color-${parsed.color}-9) 75%, black)`;
  return { ...resolved, color: text, ...(input.variant === 'outline' ? { border: `1px solid ${text}` } : {}) };
};

export const theme = createTheme({
  variantColorResolver,
  colors: { unBlue },
  primaryColor: 'unBlue',
  primaryShade: 7,
  black: '#1b1f24',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontWeight: '600',
    sizes: { h1: { fontSize: 'clamp(1.625rem, 1.2rem + 1.6vw, 2.125rem)', lineHeight: '1.25' } },
  },
  defaultRadius: 'sm',
  focusRing: 'always',
  cursorType: 'pointer',
  // people who ask their system for less motion get none (modals and menus appear at once)
  respectReducedMotion: true,
});

/** Secondary text and error messages dark enough for 4.5:1 against white (Mantine's defaults are lighter). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
