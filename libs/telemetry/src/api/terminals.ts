import { z } from 'zod';
import { commSchema } from '../protocol/messages';
import { TERMINAL_ID_PATTERN } from '../protocol/topics';
import { shopHoursSchema } from './muting';
import { riskCauseViewSchema } from './risk';

/** HTTP contract for terminals (shared/PROTOCOL.md §2), shared by the API and the web app. */

export const terminalIdSchema = z
  .string()
  .regex(TERMINAL_ID_PATTERN, 'terminalId must match [A-Za-z0-9_-]{1,64}');

export const importTerminalSchema = z.object({
  terminalId: terminalIdSchema,
  merchantId: z.string().min(1).max(64),
  merchantName: z.string().min(1).max(200),
  region: z.string().min(1).max(100),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  model: z.string().min(1).max(64).optional(),
  comm: commSchema.optional(),
  accountManager: z.string().min(1).max(100).optional(),
  /** Optional addition to the contract: who the support centre calls. */
  merchantPhone: z
    .string()
    .regex(/^\+?[0-9][0-9 ()-]{3,23}$/, 'merchantPhone must be a phone number')
    .optional(),
  /** Optional addition to the contract: the shop's street address, for the technician's navigation link. */
  address: z.string().trim().min(1).max(300).optional(),
  /**
   * Optional addition to the contract: opening hours in Asia/Shanghai, `{"open":"09:00","close":"22:00"}`.
   * An OFFLINE terminal of a closed shop is not alerted until it should have opened.
   */
  shopHours: shopHoursSchema.optional(),
});
export type ImportTerminal = z.infer<typeof importTerminalSchema>;

/** One import call upserts at most this many terminals; larger fleets import in pages. */
export const MAX_IMPORT_ROWS = 10_000;
export const importTerminalsSchema = z.array(importTerminalSchema).min(1).max(MAX_IMPORT_ROWS);

const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listTerminalsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  region: z.string().min(1).max(100).optional(),
  registered: booleanParam.optional(),
  online: booleanParam.optional(),
  search: z.string().min(1).max(100).optional(),
});
export type ListTerminalsQuery = z.infer<typeof listTerminalsQuerySchema>;

/** A cause as `GET /terminals/{terminalId}` shows it (the at-risk list adds its score). */
export const causeViewSchema = riskCauseViewSchema.pick({
  code: true,
  evidence: true,
  evidenceData: true,
  predictedAt: true,
});
export type CauseView = z.infer<typeof causeViewSchema>;

/** Newest payload of a channel, camelCase as on the wire, `ts` as ISO text. */
const readingSchema = z.record(z.string(), z.unknown()).nullable();

/** `GET /terminals/{terminalId}`: the terminal's latest state. */
export const terminalStateViewSchema = z.object({
  terminalId: z.string(),
  /** False while the terminal has published but was never imported. */
  registered: z.boolean(),
  merchantId: z.string().nullable(),
  merchantName: z.string().nullable(),
  merchantPhone: z.string().nullable(),
  address: z.string().nullable(),
  region: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  model: z.string().nullable(),
  comm: z.string().nullable(),
  /** Null until the terminal's first status message. */
  online: z.boolean().nullable(),
  /** `lost` (Last Will) or `shutdown` (clean power-off) while offline by status. */
  onlineReason: z.string().nullable(),
  /** ISO time of the newest device ts over all traffic. */
  lastSeenAt: z.string().nullable(),
  /** ISO platform time of the newest message. */
  lastReceivedAt: z.string().nullable(),
  signal: readingSchema,
  sim: readingSchema,
  paper: readingSchema,
  heartbeat: readingSchema,
  riskScore: z.number().min(0).max(100),
  causes: z.array(causeViewSchema),
});
export type TerminalStateView = z.infer<typeof terminalStateViewSchema>;

/** `GET /terminals`: a page of the fleet. */
export const terminalListViewSchema = z.object({
  items: z.array(terminalStateViewSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type TerminalListView = z.infer<typeof terminalListViewSchema>;
