import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import { predictedInWords } from './predicted-in-words';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const en = translate.bind(null, 'en');
const zh = translate.bind(null, 'zh-CN');
const at = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();

describe('predictedInWords', () => {
  it('says when the SIM data runs out, as an agent would', () => {
    expect(predictedInWords(en, 'SIM_DATA_EXHAUSTION', at(31.2), NOW)).toBe(
      'SIM data runs out in about 31 h',
    );
    expect(predictedInWords(zh, 'SIM_DATA_EXHAUSTION', at(31.2), NOW)).toBe('流量约 31 小时后用完');
  });

  it('speaks of the past for failures that already happened', () => {
    expect(predictedInWords(en, 'OFFLINE', at(-0.5), NOW)).toBe('Offline for about 30 min');
    expect(predictedInWords(en, 'SIM_EXPIRY', at(-72), NOW)).toBe('SIM plan expired about 3 days ago');
  });

  it('uses a generic sentence for causes without their own and ignores an unreadable time', () => {
    expect(predictedInWords(en, 'WEAK_SIGNAL', at(5), NOW)).toBe('Expected to fail in about 5 h');
    expect(predictedInWords(en, 'WEAK_SIGNAL', 'soon', NOW)).toBeUndefined();
  });
});
