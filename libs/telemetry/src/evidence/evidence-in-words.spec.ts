import { CAUSE_CODES, type CauseCode } from '../causes';
import { HOUR, NOW } from '../risk/fixtures/make-history';
import { describe, expect, it } from 'vitest';
import * as detected from '../risk/fixtures/detected-causes';
import type { EvidenceCause, EvidenceLanguage } from './evidence-context';
import { evidenceInWords } from './evidence-in-words';

/** Times show in the viewer's zone: pinned here to the support centres' (UTC+8). */
const ZONE = 'Asia/Shanghai';
const sayIn = (language: EvidenceLanguage, cause: EvidenceCause, now = NOW) =>
  evidenceInWords(language, cause, now, ZONE);
const say = (cause: EvidenceCause, now = NOW) => ({
  en: sayIn('en', cause, now),
  zh: sayIn('zh-CN', cause, now),
});

const outage = {
  id: 'CARRIER_OUTAGE:46000:south',
  code: 'CARRIER_OUTAGE',
  key: { mccMnc: '46000', region: 'south' },
} as const;
const hostDown = { id: 'HOST_MAINTENANCE:*:*', code: 'HOST_MAINTENANCE', key: {} } as const;

describe('evidenceInWords', () => {
  it('words SIM_DATA_EXHAUSTION: the forecast, and a balance already used up', () => {
    expect(say(detected.simForecast(NOW))).toEqual({
      en: 'balance 42 MB, burning 61 MB/day, reaches 0 in ~17 h',
      zh: '余额 42 MB，每天消耗 61 MB，约 17 小时后用完',
    });
    expect(say(detected.simExhausted(NOW))).toEqual({
      en: 'data balance 0 MB: exhausted for ~16 h',
      zh: '流量余额 0 MB，已用完，持续约 16 小时',
    });
  });

  it('words SIM_EXPIRY before and after the date', () => {
    expect(say(detected.simExpiry(NOW, 71 * HOUR))).toEqual({
      en: 'SIM plan expires in ~3 days (9 Mar 2024, 19:00)',
      zh: '流量卡套餐约 3 天后到期（2024年3月9日 19:00）',
    });
    expect(say(detected.simExpiry(NOW, -5 * HOUR))).toEqual({
      en: 'SIM plan expired ~5 h ago (6 Mar 2024, 15:00)',
      zh: '流量卡套餐已于约 5 小时前到期（2024年3月6日 15:00）',
    });
  });

  it('words each WEAK_SIGNAL finding with the metrics in the poor band', () => {
    expect(say(detected.weakPersistent(NOW))).toEqual({
      en: '4g signal very poor in most of the last 73 readings: RSRP -115 dBm',
      zh: '4g 信号在最近 73 次读数中多数很差：RSRP -115 dBm',
    });
    expect(say(detected.weakWithFailures(NOW))).toEqual({
      en: '4g signal poor in most of the last 73 readings: RSRP -105 dBm; 2 sign-in and 0 connection failures in 24 h',
      zh: '4g 信号在最近 73 次读数中多数较差：RSRP -105 dBm；24 小时内签到失败 2 次、连接失败 0 次',
    });
    expect(say(detected.weakTrend(NOW))).toEqual({
      en: '4g signal falling steadily: RSRP -97 dBm, RSRQ -9 dB, SINR 12 dB, reaches the failure edge in ~24 h',
      zh: '4g 信号持续下降：RSRP -97 dBm，RSRQ -9 dB，SINR 12 dB，约 24 小时后将弱到无法通讯',
    });
    expect(say(detected.weakStep(NOW))).toEqual({
      en: '4g signal stepped down from its usual level: RSRP -104 dBm',
      zh: '4g 信号比平时明显变差：RSRP -104 dBm',
    });
  });

  it('words OFFLINE for silence, a Last Will and a shop that did not open', () => {
    expect(say(detected.offlineSilent(NOW))).toEqual({
      en: 'silent for ~10 min (heartbeat allowance ~4 min)',
      zh: '已静默约 10 分钟（心跳容许约 4 分钟）',
    });
    expect(say(detected.offlineLost(NOW))).toEqual({
      en: 'connection lost (Last Will) at 19:59, silent for ~1 min',
      zh: '于 19:59 断开连接（遗嘱消息），已静默约 1 分钟',
    });
    expect(say(detected.offlineShutdown(NOW))).toEqual({
      en: 'shut down cleanly at 19:00 and missed its usual opening by ~60 min',
      zh: '于 19:00 正常关机，已超过平时开机时间约 60 分钟',
    });
  });

  it('words COMM_MODULE_FAULT for a failing link and for a reconnect storm', () => {
    expect(say(detected.commFailingLink(NOW))).toEqual({
      en: '96 of 528 transactions failed on the link (18.2%) in 24 h; 48 reversals; signal and SIM fine',
      zh: '24 小时内 528 笔交易中有 96 笔因通讯失败（18.2%）；冲正 48 笔；信号和流量卡正常',
    });
    expect(say(detected.commStorm(NOW))).toEqual({
      en: '6 connection failures, 4 reconnects; signal and SIM fine',
      zh: '连接失败 6 次，重连 4 次；信号和流量卡正常',
    });
  });

  it('words LINE_FAULT for one failed test and for several', () => {
    expect(say(detected.lineFault(NOW, 1))).toEqual({
      en: '1 line test failed in a row, failing for ~60 min',
      zh: '线路测试失败 1 次，已持续约 60 分钟',
    });
    expect(say(detected.lineFault(NOW, 3))).toEqual({
      en: '3 line tests failed in a row, failing for ~3 h',
      zh: '线路测试连续 3 次失败，已持续约 3 小时',
    });
  });

  it('words PAPER_OUT for every printer state', () => {
    const zh = (['out', 'jam', 'cover_open', 'low'] as const).map((s) => say(detected.paperOut(NOW, s)).zh);
    expect(zh).toEqual([
      '缺纸已持续约 3 小时',
      '卡纸已持续约 3 小时',
      '打印机纸仓盖打开已持续约 3 小时',
      '纸少已持续约 3 小时',
    ]);
    expect(say(detected.paperOut(NOW, 'jam')).en).toBe('paper jammed for ~3 h');
  });

  it('words POWER with the charge and forecast, or the LOW_BATTERY event', () => {
    expect(say(detected.powerDraining(NOW))).toEqual({
      en: 'on battery for ~9 h, charge 10%, empty in ~60 min',
      zh: '使用电池约 9 小时，电量 10%，约 60 分钟后耗尽',
    });
    expect(say(detected.powerLowEvent(NOW))).toEqual({
      en: 'on battery for ~2 h, charge low (LOW_BATTERY event)',
      zh: '使用电池约 2 小时，电量低（LOW_BATTERY 事件）',
    });
  });

  it('words incident causes with the operator agents know', () => {
    expect(say(detected.incidentMember(NOW, outage))).toEqual({
      en: 'one of 3 terminals (carrier 46000 · China Mobile, region south) that went offline together at 6 Mar 2024, 18:00',
      zh: '3 台终端（运营商 46000 · 中国移动，地区 south）于 2024年3月6日 18:00 同时离线，该终端是其中之一',
    });
    expect(say(detected.incidentMember(NOW, hostDown))).toEqual({
      en: 'one of 3 terminals on several carriers whose payment host stopped answering at 6 Mar 2024, 18:00',
      zh: '分属多家运营商的 3 台终端的支付主机于 2024年3月6日 18:00 停止响应，该终端是其中之一',
    });
  });

  // Sentences with a clock time differ on purpose: the engine writes UTC, the page the viewer's zone.
  it('says in English what the engine says, where its data holds every number and there is no clock time', () => {
    const causes = [
      detected.simForecast(NOW),
      detected.simExhausted(NOW),
      detected.weakStep(NOW),
      detected.commStorm(NOW),
      detected.lineFault(NOW, 3),
      detected.paperOut(NOW, 'cover_open'),
      detected.powerDraining(NOW),
      detected.powerLowEvent(NOW),
    ];
    for (const cause of causes) expect(sayIn('en', cause)).toBe(cause.evidence);
  });

  it('has a Chinese sentence for every cause code', () => {
    const sample: Record<CauseCode, EvidenceCause> = {
      SIM_DATA_EXHAUSTION: detected.simForecast(NOW),
      SIM_EXPIRY: detected.simExpiry(NOW, 5 * HOUR),
      WEAK_SIGNAL: detected.weakPersistent(NOW),
      OFFLINE: detected.offlineSilent(NOW),
      COMM_MODULE_FAULT: detected.commStorm(NOW),
      LINE_FAULT: detected.lineFault(NOW, 2),
      PAPER_OUT: detected.paperOut(NOW, 'low'),
      POWER: detected.powerLowEvent(NOW),
      CARRIER_OUTAGE: detected.incidentMember(NOW, outage),
      HOST_MAINTENANCE: detected.incidentMember(NOW, hostDown),
    };
    for (const code of CAUSE_CODES) {
      expect(sample[code].code).toBe(code);
      // The server's evidence is English: Chinese text means the sentence came from the data.
      expect(sayIn('zh-CN', sample[code]), code).toMatch(/[\u4e00-\u9fff]/u);
    }
  });

  it('counts spans with the screen’s clock, so they agree with the forecast line', () => {
    const later = NOW + 20 * HOUR;
    expect(say(detected.simForecast(NOW), later)).toEqual({
      en: 'balance 42 MB, burning 61 MB/day, likely hit 0 ~3 h ago',
      zh: '余额 42 MB，每天消耗 61 MB，可能已于约 3 小时前用完',
    });
    expect(sayIn('en', detected.paperOut(NOW, 'out'), NOW + HOUR)).toBe('out of paper for ~4 h');
    const { predictedAt: _, ...withoutForecast } = detected.simForecast(NOW);
    expect(sayIn('en', withoutForecast, later)).toBe('balance 42 MB, burning 61 MB/day, reaches 0 in ~17 h');
  });

  it('falls back to the server’s text when the data cannot say it', () => {
    const paper = detected.paperOut(NOW, 'out');
    const evidence = 'out of paper for ~3 h';
    expect(sayIn('zh-CN', { ...paper, evidenceData: undefined })).toBe(evidence);
    expect(sayIn('zh-CN', { ...paper, evidenceData: { status: 'out' } })).toBe(evidence);
    expect(sayIn('zh-CN', { ...paper, evidenceData: { status: 'smoke', since: NOW } })).toBe(evidence);
    expect(sayIn('zh-CN', { ...paper, evidenceData: { status: 'out', since: 'today' } })).toBe(evidence);
    const sim = detected.simForecast(NOW);
    expect(sayIn('zh-CN', { ...sim, evidenceData: { ...sim.evidenceData, balanceMb: 'lots' } })).toBe(
      sim.evidence,
    );
    const shutdown = detected.offlineShutdown(NOW);
    expect(sayIn('zh-CN', { ...shutdown, predictedAt: undefined })).toBe(shutdown.evidence);
    const weak = detected.weakStep(NOW);
    expect(sayIn('zh-CN', { ...weak, evidenceData: { ...weak.evidenceData, finding: 'sunspots' } })).toBe(
      weak.evidence,
    );
    const unknown = { ...paper, code: 'SOLAR_FLARE' as CauseCode };
    expect(sayIn('zh-CN', unknown)).toBe(evidence);
  });
});
