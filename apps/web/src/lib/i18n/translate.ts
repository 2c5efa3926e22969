import type { Language } from './language';
import { en, type MessageKey } from './messages-en';
import { zh } from './messages-zh';

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zh };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Looks `key` up and fills `{name}` placeholders; an unknown placeholder stays visible. */
export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  const text = DICTIONARIES[language][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
