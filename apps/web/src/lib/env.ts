import { parseEnv, type WebEnv } from './env-schema';

/** The dashboard's settings, parsed once when the app starts. */
export const env: WebEnv = parseEnv(import.meta.env);
