import { z } from 'zod';
import type { Channel } from './topics';

/**
 * Payload schemas of protocol v1 (shared/PROTOCOL.md §1), one per channel.
 * Objects are not strict: unknown fields are ignored for forward compatibility.
 */

export const MAX_PAYLOAD_BYTES = 4096;

export const COMM_TYPES = ['4g', '3g', '2g', 'nbiot', 'wifi', 'ethernet', 'dialup'] as const;
export const commSchema = z.enum(COMM_TYPES);
export type CommType = z.infer<typeof commSchema>;

export const PAPER_STATUSES = ['ok', 'low', 'out', 'jam', 'cover_open'] as const;
export const KNOWN_EVENT_CODES = [
  'CONN_FAIL',
  'HOST_UNREACHABLE',
  'SIGN_IN_FAIL',
  'REVERSAL',
  'PAPER_OUT',
  'REBOOT',
  'SIM_SWAP',
  'LOW_BATTERY',
] as const;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE_OR_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** `ts`: ISO-8601 with an offset, or epoch milliseconds; normalised to epoch ms. */
export const deviceTimeSchema = z.union([
  // Epoch ms first: the cheap check, and a union pays for each option it tries before a match.
  z.number().int().nonnegative(),
  z
    .string()
    .regex(ISO_WITH_OFFSET, 'ts must be ISO-8601 with an offset (Z or ±hh:mm)')
    .transform((s, ctx) => {
      const ms = Date.parse(s);
      if (Number.isNaN(ms)) {
        ctx.addIssue({ code: 'custom', message: 'ts is not a real date' });
        return z.NEVER;
      }
      return ms;
    }),
]);

/** Rejects dates such as 2026-02-30 that Date.parse would roll over into March. */
function isRealDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const int = () => z.number().int();
const count = () => z.number().int().nonnegative();
const shortText = (max = 64) => z.string().min(1).max(max);
const mccMnc = () => z.string().regex(/^\d{5,6}$/, 'mccMnc must be 5 or 6 digits');

const envelope = { ts: deviceTimeSchema, seq: count() };

export const heartbeatSchema = z.object({
  ...envelope,
  intervalS: int().min(1).max(86_400),
  uptimeS: count(),
  comm: commSchema,
  power: z.enum(['mains', 'battery']),
  batteryPct: z.number().min(0).max(100).optional(),
  fw: shortText().optional(),
  model: shortText().optional(),
});

export const CSQ_UNKNOWN = 99;

export const signalSchema = z.object({
  ...envelope,
  comm: commSchema,
  rssiDbm: z.number().min(-140).max(0).optional(),
  rsrpDbm: z.number().min(-156).max(-31).optional(),
  rsrqDb: z.number().min(-43).max(20).optional(),
  sinrDb: z.number().min(-23).max(40).optional(),
  csq: int()
    .refine((v) => (v >= 0 && v <= 31) || v === CSQ_UNKNOWN, 'csq must be 0–31 or 99 (unknown)')
    .optional(),
  mccMnc: mccMnc().optional(),
  cellId: z.union([shortText(), int().nonnegative()]).optional(),
  lac: z.union([shortText(), int().nonnegative()]).optional(),
  wifiRssiDbm: z.number().min(-127).max(0).optional(),
  lineOk: z.boolean().optional(),
});

export const simSchema = z.object({
  ...envelope,
  iccid: z.string().regex(/^[0-9A-Fa-f]{10,22}$/, 'iccid must be 10–22 hex digits'),
  dataBalanceMb: z.number().nonnegative(),
  expiresAt: z
    .string()
    .regex(ISO_DATE_OR_DATETIME, 'expiresAt must be an ISO date')
    .refine(isRealDate, 'expiresAt is not a real calendar date'),
  carrier: shortText().optional(),
  mccMnc: mccMnc().optional(),
  dataPlanMb: z.number().nonnegative().optional(),
});

export const paperSchema = z.object({ ...envelope, status: z.enum(PAPER_STATUSES) });

export const txnSchema = z.object({
  ...envelope,
  windowS: int().min(1).max(86_400),
  approved: count(),
  declined: count(),
  timeouts: count(),
  reversals: count(),
  reversalFailed: count(),
  commErrors: count(),
});

export const eventSchema = z.object({
  ...envelope,
  code: z.string().regex(/^[A-Z0-9_]{1,64}$/, 'code must be UPPER_SNAKE_CASE, at most 64 characters'),
  detail: z.string().max(1024).optional(),
});

/**
 * Status may omit `ts` and `seq` (PROTOCOL.md §1): a Last Will is fixed at connect time, so
 * firmware registers it without them. validateMessage then dates it by the receive time.
 */
export const statusSchema = z.object({
  ts: deviceTimeSchema.optional(),
  seq: count().optional(),
  online: z.boolean(),
  reason: shortText().optional(),
});

export const channelSchemas = {
  heartbeat: heartbeatSchema,
  signal: signalSchema,
  sim: simSchema,
  paper: paperSchema,
  txn: txnSchema,
  event: eventSchema,
  status: statusSchema,
} as const satisfies Record<Channel, z.ZodType>;

/** What each channel's payload looks like after validation (`ts` as epoch ms, always dated). */
export type ChannelPayloads = { [C in Channel]: z.output<(typeof channelSchemas)[C]> & { ts: number; seq: number } };
/** What a terminal puts on the wire (`ts` as ISO string or epoch ms). */
export type ChannelInputs = { [C in Channel]: z.input<(typeof channelSchemas)[C]> };

export type HeartbeatPayload = ChannelPayloads['heartbeat'];
export type SignalPayload = ChannelPayloads['signal'];
export type SimPayload = ChannelPayloads['sim'];
export type PaperPayload = ChannelPayloads['paper'];
export type TxnPayload = ChannelPayloads['txn'];
export type EventPayload = ChannelPayloads['event'];
export type StatusPayload = ChannelPayloads['status'];

/** One validated message, ready to store. Times are epoch milliseconds. */
export type TelemetryMessage = {
  [C in Channel]: {
    terminalId: string;
    channel: C;
    ts: number;
    seq: number;
    receivedAt: number;
    payload: ChannelPayloads[C];
  };
}[Channel];

export type MessageOf<C extends Channel> = Extract<TelemetryMessage, { channel: C }>;
