import type { Rng } from '../random';

/** Plausible shop names: a brand-like prefix and a trade. */
const PREFIXES = ['华联', '好又多', '鑫源', '佳家', '百味', '金福', '万达', '新世纪', '永辉', '德庄', '小确幸', '老街'];
const TRADES = ['便利店', '超市', '餐厅', '面馆', '咖啡', '药房', '水果店', '烘焙坊', '火锅', '服装店', '书店', '五金店'];
const MANAGERS = ['am.wang', 'am.li', 'am.zhang', 'am.liu', 'am.chen', 'am.yang'];

export function merchantName(rng: Rng, region: string): string {
  return `${rng.pick(PREFIXES)}${rng.pick(TRADES)}(${region})`;
}

export function accountManager(rng: Rng): string {
  return rng.pick(MANAGERS);
}

/** Trades that stay open around the clock and never switch off. */
export function isAllNightTrade(name: string): boolean {
  return name.includes('便利店') || name.includes('药房');
}
