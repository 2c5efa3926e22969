import { describe, expect, it } from 'vitest';
import { makeAlert } from '../testing/alert-factory';
import { renderAlertMessage } from './render-alert-message';

describe('renderAlertMessage', () => {
  it('tells of one opened alert in Chinese: cause, place, evidence, action, China time', () => {
    const message = renderAlertMessage([makeAlert({ terminalId: 'T-0042' })], 'zh-CN');
    expect(message.subject).toBe('[警告] 新告警: 流量卡流量将用完 · 终端 T-0042 (Lucky Noodles)');
    expect(message.text).toContain('终端 T-0042 · 商户 Lucky Noodles · 区域 Shanghai');
    expect(message.text).toContain('依据: 余额 12 MB，每天消耗 40 MB，约 7 小时后用完');
    expect(message.text).toContain('处理建议: 远程为流量卡充值');
    expect(message.text).toContain('开始于 2026-03-04 13:00 (UTC+8)');
  });

  it('tells the same in English', () => {
    const message = renderAlertMessage([makeAlert({ terminalId: 'T-0042' })], 'en');
    expect(message.subject).toBe('[Warning] New: SIM data running out · Terminal T-0042 (Lucky Noodles)');
    expect(message.text).toContain('Evidence: balance 12 MB, burning 40 MB/day, reaches 0 in ~7 h');
    expect(message.text).toContain('What to do: Top up the SIM remotely');
    expect(message.text).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('words the evidence from its data as of the change, in each language, with times in China time', () => {
    const changedAt = new Date('2026-03-04T05:00:00Z');
    const alert = makeAlert({
      code: 'PAPER_OUT',
      changedAt,
      evidence: 'out of paper for ~25 min',
      evidenceData: { status: 'out', since: changedAt.getTime() - 25 * 60_000 },
      recommendedAction: 'x',
    });
    expect(renderAlertMessage([alert], 'zh-CN').text).toContain('依据: 缺纸已持续约 25 分钟');
    expect(renderAlertMessage([alert], 'en').text).toContain('Evidence: out of paper for ~25 min');
    const lost = makeAlert({
      code: 'OFFLINE',
      changedAt,
      evidence: 'connection lost',
      evidenceData: { reason: 'lost', offlineSince: changedAt.getTime() - 3 * 3_600_000 },
      recommendedAction: 'x',
    });
    expect(renderAlertMessage([lost], 'zh-CN').text).toContain(
      '依据: 于 10:00 断开连接（遗嘱消息），已静默约 3 小时',
    );
  });

  it('keeps the engine’s English evidence for an alert stored without its data', () => {
    const alert = makeAlert({ evidence: 'balance 3 MB, burning 9 MB/day', evidenceData: undefined });
    expect(renderAlertMessage([alert], 'zh-CN').text).toContain('依据: balance 3 MB, burning 9 MB/day');
  });

  it('names who acknowledged and their note', () => {
    const message = renderAlertMessage(
      [makeAlert({ change: 'acknowledged', state: 'acknowledged', actor: 'alice', note: 'topping up now' })],
      'en',
    );
    expect(message.text.split('\n')[0]).toBe('Acknowledged · Warning · SIM data running out by alice');
    expect(message.text).toContain('“topping up now”');
  });

  it('keeps a custom action as given instead of the standard one', () => {
    const message = renderAlertMessage([makeAlert({ recommendedAction: 'Call Mr Wang first' })], 'zh-CN');
    expect(message.text).toContain('处理建议: Call Mr Wang first');
  });

  it('lists many alerts in one message whose subject counts them by change, worst severity first', () => {
    const alerts = [
      ...Array.from({ length: 3 }, () => makeAlert()),
      makeAlert({
        change: 'resolved',
        state: 'resolved',
        severity: 'critical',
        code: 'OFFLINE',
        recommendedAction: 'x',
      }),
    ];
    const en = renderAlertMessage(alerts, 'en');
    expect(en.subject).toBe('[Critical] 4 alerts: 3 new, 1 resolved');
    for (const alert of alerts) expect(en.text).toContain(`Terminal ${alert.terminalId}`);
    expect(renderAlertMessage(alerts, 'zh-CN').subject).toBe('[紧急] 4 条告警：3 条新告警，1 条已解决');
  });

  it('spells out the worst 50 of a storm’s alerts and counts the rest by cause, the subject counting all', () => {
    const critical = Array.from({ length: 3 }, (_, i) =>
      makeAlert({ terminalId: `T-CRIT-${i}`, severity: 'critical', code: 'OFFLINE', recommendedAction: 'x' }),
    );
    const paper = Array.from({ length: 120 }, (_, i) =>
      makeAlert({ terminalId: `T-PAP-${i}`, code: 'PAPER_OUT', recommendedAction: 'x' }),
    );
    const sim = Array.from({ length: 30 }, (_, i) => makeAlert({ terminalId: `T-SIM-${i}` }));
    const alerts = [...paper, ...critical, ...sim];
    const en = renderAlertMessage(alerts, 'en');
    expect(en.subject).toBe('[Critical] 153 alerts: 153 new');
    for (const alert of critical) expect(en.text).toContain(`Terminal ${alert.terminalId}`);
    // Critical first, then the rest in the order they were grouped: 47 of the paper alerts.
    expect(en.text.match(/Terminal T-\S+/g)).toEqual([
      ...critical.map((a) => `Terminal ${a.terminalId}`),
      ...paper.slice(0, 47).map((a) => `Terminal ${a.terminalId}`),
    ]);
    expect(en.text).toContain(
      "…and 103 more: 73 Paper, 30 SIM data running out. Every one is in the dashboard's alert list.",
    );
    expect(en.html).toContain('…and 103 more: 73 Paper, 30 SIM data running out.');
    const zh = renderAlertMessage(alerts, 'zh-CN');
    expect(zh.text).toContain('另有 103 条：打印纸 73 条，流量卡流量将用完 30 条。');
  });

  it('names an incident alert by its incident', () => {
    const message = renderAlertMessage(
      [
        makeAlert({
          terminalId: undefined,
          incidentId: 'INC-7',
          merchantName: undefined,
          code: 'CARRIER_OUTAGE',
          severity: 'critical',
          recommendedAction: 'No per-device dispatch; track the incident',
        }),
      ],
      'zh-CN',
    );
    expect(message.subject).toBe('[紧急] 新告警: 运营商故障 · 事件 INC-7');
    expect(message.text).toContain('处理建议: 无需逐台派单；跟踪该事件');
  });

  it('escapes the html body', () => {
    const message = renderAlertMessage([makeAlert({ merchantName: '<b>Tom & Jerry</b>' })], 'en');
    expect(message.html).toContain('&#60;b&#62;Tom &#38; Jerry&#60;/b&#62;');
    expect(message.html).not.toContain('<b>Tom');
  });
});
