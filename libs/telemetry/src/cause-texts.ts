import { CAUSE_ACTIONS, type CauseCode } from './causes';

/** What a cause is called and what to do about it, in a language people read. */
export interface CauseTexts {
  name: Record<CauseCode, string>;
  action: Record<CauseCode, string>;
}

/**
 * The causes in each language the platform speaks (`zh-CN`, `en`): one source for the
 * dashboard and for the messages sent to people. English actions are the risk engine's own.
 */
export const CAUSE_TEXTS: Record<'en' | 'zh-CN', CauseTexts> = {
  en: {
    name: {
      SIM_DATA_EXHAUSTION: 'SIM data running out',
      SIM_EXPIRY: 'SIM expiring',
      WEAK_SIGNAL: 'Weak signal',
      OFFLINE: 'Offline',
      COMM_MODULE_FAULT: 'Comm module fault',
      LINE_FAULT: 'Phone line fault',
      PAPER_OUT: 'Paper',
      POWER: 'Low battery',
      CARRIER_OUTAGE: 'Carrier outage',
      HOST_MAINTENANCE: 'Payment host failure',
    },
    action: Object.fromEntries(
      Object.entries(CAUSE_ACTIONS).map(([code, { action }]) => [code, action]),
    ) as Record<CauseCode, string>,
  },
  'zh-CN': {
    name: {
      SIM_DATA_EXHAUSTION: '流量卡流量将用完',
      SIM_EXPIRY: '流量卡即将到期',
      WEAK_SIGNAL: '信号弱',
      OFFLINE: '离线',
      COMM_MODULE_FAULT: '通讯模块故障',
      LINE_FAULT: '电话线路故障',
      PAPER_OUT: '打印纸',
      POWER: '电量低',
      CARRIER_OUTAGE: '运营商故障',
      HOST_MAINTENANCE: '支付主机故障',
    },
    action: {
      SIM_DATA_EXHAUSTION: '远程为流量卡充值',
      SIM_EXPIRY: '续费或更换流量卡',
      WEAK_SIGNAL: '移动终端位置、加装天线、更换运营商或改用 Wi-Fi',
      OFFLINE: '先致电商户，再派技术员上门',
      COMM_MODULE_FAULT: '派技术员更换通讯模块或终端',
      LINE_FAULT: '请商户检查电话线路',
      PAPER_OUT: '通知商户；寄送打印纸',
      POWER: '请商户接上电源',
      CARRIER_OUTAGE: '无需逐台派单；跟踪该事件',
      HOST_MAINTENANCE: '终端无需处理；支付主机出现故障',
    },
  },
};
