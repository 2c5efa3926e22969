import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './messages-en';
import { zh } from './messages-zh';
import { translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('translate every English string into Chinese, with the same placeholders', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(zh[key], key).toMatch(/\S/);
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'map.showing', { shown: 3, total: 10 })).toBe('3 of 10 terminals shown');
    expect(translate('zh-CN', 'map.showing', { shown: 3, total: 10 })).toBe('显示 3 / 10 台终端');
    expect(translate('en', 'map.showing', { shown: 3 })).toBe('3 of {total} terminals shown');
  });
});
