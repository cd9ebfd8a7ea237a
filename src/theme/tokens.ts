/**
 * Weave's brand tokens: the single source for colour, type, spacing and radius.
 * SCSS sees the same values as `$color-ink`, `$font-body`, `$space-md`, `$radius-md` ... (generated
 * from this file by `scssVariables`, injected into every stylesheet by config/index.ts), and
 * nutui-theme.scss maps them onto NutUI's CSS variables. Sizes are CSS px on a 375 px wide design.
 */
export const colors = {
  /** main text, headings, primary buttons */
  ink: '#1f1d1b',
  /** body text */
  charcoal: '#4a4540',
  /** secondary text, captions */
  stone: '#8c857b',
  /** placeholders, disabled */
  mist: '#bdb6ab',
  /** hairlines and borders */
  line: '#e8e2d9',
  /** page background: warm off-white, like unbleached cotton */
  canvas: '#f5f1eb',
  /** cards */
  surface: '#ffffff',
  /** quiet fills inside cards */
  sand: '#efe8dd',
  /** the one accent: madder / terracotta, used for prices, badges and the active tab */
  accent: '#9c4a2f',
  accentPressed: '#7d3a24',
  accentSoft: '#f4e6de',
  /** deep indigo, the colour of raw denim: hero and workspace headers */
  indigo: '#2b3445',
  success: '#4f7a5a',
  warning: '#b7832f',
  danger: '#b23a2e',
} as const;

export const fontSize = {
  caption: 11,
  small: 12,
  body: 14,
  subtitle: 15,
  title: 17,
  headline: 20,
  display: 28,
} as const;

export const fontFamily = {
  sans: "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
  /** brand moments only (logo line, hero title): a Song face reads as tailored, not techy */
  serif: "'Songti SC', 'STSong', 'Noto Serif CJK SC', 'Noto Serif SC', 'Source Han Serif SC', serif",
} as const;

export const space = {
  xxs: 2,
  xs: 4,
  sm: 8,
  md: 12,
  lg: 16,
  xl: 24,
  xxl: 32,
} as const;

export const radius = {
  sm: 4,
  md: 8,
  lg: 12,
  pill: 999,
} as const;

export const tokens = { colors, fontSize, fontFamily, space, radius } as const;
export type Tokens = typeof tokens;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `$color-accent-soft: #f4e6de;` lines for every token, the way SCSS reads them. */
export function scssVariables(t: Tokens = tokens): string {
  const lines: string[] = [];
  const put = (prefix: string, group: Record<string, string | number>, unit = '') => {
    for (const [k, v] of Object.entries(group)) lines.push(`$${prefix}-${kebab(k)}: ${v}${typeof v === 'number' ? unit : ''};`);
  };
  put('color', t.colors);
  put('font', t.fontSize, 'px');
  put('family', t.fontFamily);
  put('space', t.space, 'px');
  put('radius', t.radius, 'px');
  return `${lines.join('\n')}\n`;
}
