import { z } from 'zod';
import { commSchema } from '../protocol/messages';
import { TERMINAL_ID_PATTERN } from '../protocol/topics';
import { shopHoursSchema } from './muting';
import type { EvidenceData } from './risk';

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

export interface CauseView {
  code: string;
  evidence: string;
  evidenceData?: EvidenceData;
  predictedAt?: string;
}

/** `GET /terminals/{terminalId}`: the terminal's latest state. */
export interface TerminalStateView {
  terminalId: string;
  /** False while the terminal has published but was never imported. */
  registered: boolean;
  merchantId: string | null;
  merchantName: string | null;
  merchantPhone: string | null;
  address: string | null;
  region: string | null;
  lat: number | null;
  lon: number | null;
  model: string | null;
  comm: string | null;
  online: boolean | null;
  /** `lost` (Last Will) or `shutdown` (clean power-off) while offline by status. */
  onlineReason: string | null;
  /** ISO time of the newest device ts over all traffic. */
  lastSeenAt: string | null;
  /** ISO platform time of the newest message. */
  lastReceivedAt: string | null;
  /** Newest payload per channel, camelCase as on the wire, `ts` as ISO text. */
  signal: Record<string, unknown> | null;
  sim: Record<string, unknown> | null;
  paper: Record<string, unknown> | null;
  heartbeat: Record<string, unknown> | null;
  riskScore: number;
  causes: CauseView[];
}

export interface TerminalListView {
  items: TerminalStateView[];
  total: number;
  page: number;
  pageSize: number;
}
