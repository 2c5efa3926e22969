import { z } from 'zod';

/**
 * Build-time settings (Vite inlines VITE_* variables). Checked by vite.config.ts when
 * building and again at start, so a bad value fails loudly with its name instead of
 * as a string of broken requests.
 */
const envSchema = z.object({
  VITE_API_BASE: z
    .string()
    .regex(/^(\/|https?:\/\/)\S*$/, 'must be a path like /api/v1 or an http(s) URL')
    .default('/api/v1')
    // Callers join paths with a leading slash, so a trailing one would double up.
    .transform((base) => base.replace(/\/+$/, '')),
  // Optional online basemap, e.g. https://tile.example.com/{z}/{x}/{y}.png; without it the map draws
  // the offline Natural Earth outlines shipped in the bundle.
  VITE_TILE_URL: z
    .string()
    .regex(/^https?:\/\/\S*\{z\}\S*$/, 'must be an http(s) tile URL template containing {z}, {x} and {y}')
    .optional(),
});

export interface WebEnv {
  apiBase: string;
  tileUrl?: string;
}

export class EnvError extends Error {
  override readonly name = 'EnvError';
}

export function parseEnv(raw: Record<string, unknown>): WebEnv {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new EnvError(`bad web configuration: ${problems.join('; ')}`);
  }
  const { VITE_API_BASE: apiBase, VITE_TILE_URL: tileUrl } = parsed.data;
  return tileUrl ? { apiBase, tileUrl } : { apiBase };
}
