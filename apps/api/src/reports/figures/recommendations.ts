import type { Recommendation } from '@fleet/telemetry/api/reports';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2027-01-31` as `31 Jan 2027` and `2027年1月31日`. */
export function spellDate(date: string): { en: string; zh: string } {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return { en: `${d} ${EN_MONTHS[m! - 1]} ${y}`, zh: `${y}年${m}月${d}日` };
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/** What the recommendations are drawn from. */
export interface RecommendationInputs {
  /** Terminals on 2G whose signal was poor (latest csq below 10, or a weak-signal alert). */
  weak2g: string[];
  /** SIM plans expiring within 30 days, with their dates. */
  expiring: Array<{ terminalId: string; expiresAt: string }>;
  /** SIMs whose data runs out within 30 days at the period's rate. */
  runningDry: string[];
  /** Repeat offenders whose main cause is the comm module. */
  commModule: string[];
  /** Terminals with two or more paper alerts. */
  paper: string[];
  /** Terminals with power alerts. */
  power: string[];
  availability: number | null;
  previousAvailability: number | null;
  /** Terminals whose lost time was mostly incidents. */
  incidentTerminals: string[];
  incidentMinutes: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Plain next steps drawn from the figures, in both languages; nothing when nothing calls for it. */
export function recommend(inputs: RecommendationInputs): Recommendation[] {
  const out: Recommendation[] = [];
  const add = (code: Recommendation['code'], terminalIds: string[], en: string, zh: string) =>
    out.push({ code, terminalIds, text: { en, 'zh-CN': zh } });

  if (inputs.weak2g.length > 0) {
    const n = inputs.weak2g.length;
    add(
      'REPLACE_2G',
      inputs.weak2g,
      `${plural(n, 'terminal')} on 2G with poor signal: replace with 4G models`,
      `${n} 台终端使用 2G 且信号差：更换为 4G 机型`,
    );
  }
  if (inputs.expiring.length > 0) {
    const n = inputs.expiring.length;
    const last = spellDate(inputs.expiring.map((e) => e.expiresAt).sort()[0]!);
    add(
      'RENEW_SIM',
      inputs.expiring.map((e) => e.terminalId),
      `Renew ${plural(n, 'SIM plan')} before ${last.en}`,
      `在${last.zh}前续费 ${n} 张 SIM 卡套餐`,
    );
  }
  if (inputs.runningDry.length > 0) {
    const n = inputs.runningDry.length;
    add(
      'TOP_UP_SIM',
      inputs.runningDry,
      `Top up ${plural(n, 'SIM')}: their data runs out within 30 days at the current rate`,
      `为 ${n} 张 SIM 卡充值：按当前用量 30 天内流量将用完`,
    );
  }
  if (inputs.commModule.length > 0) {
    const n = inputs.commModule.length;
    add(
      'REPLACE_COMM_MODULE',
      inputs.commModule,
      `${plural(n, 'terminal')} keep failing with a comm module fault: send a technician to replace the module or the terminal`,
      `${n} 台终端因通信模块故障反复失败：派技术员更换模块或终端`,
    );
  }
  if (inputs.paper.length > 0) {
    const n = inputs.paper.length;
    add(
      'SEND_PAPER',
      inputs.paper,
      `${plural(n, 'terminal')} ran out of paper repeatedly: send paper rolls before the next shortage`,
      `${n} 台终端多次缺纸：提前寄送打印纸`,
    );
  }
  if (inputs.power.length > 0) {
    const n = inputs.power.length;
    add(
      'CHECK_POWER',
      inputs.power,
      `${plural(n, 'terminal')} ran low on battery: ask the merchants to keep them on mains power`,
      `${n} 台终端电量低：提醒商户接通电源`,
    );
  }
  const { availability: now, previousAvailability: before } = inputs;
  if (now !== null && before !== null && before - now >= 0.01) {
    add(
      'AVAILABILITY_FELL',
      [],
      `Availability fell from ${pct(before)} to ${pct(now)}: start with the terminals that failed most`,
      `可用率从 ${pct(before)} 降至 ${pct(now)}：优先处理故障最多的终端`,
    );
  }
  if (inputs.incidentTerminals.length > 0) {
    const n = inputs.incidentTerminals.length;
    const hours = (inputs.incidentMinutes / 60).toFixed(1);
    add(
      'INCIDENTS_NOT_DEVICES',
      inputs.incidentTerminals,
      `${hours} h lost on ${plural(n, 'terminal')} came from carrier or payment-host incidents, not the devices: no repair needed`,
      `${n} 台终端损失的 ${hours} 小时来自运营商或支付主机故障，并非设备问题：无需维修`,
    );
  }
  return out;
}
