import { LANGUAGES, type Language } from '../lib/i18n/language';
import { useI18n } from '../lib/i18n/i18n-provider';

const NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/** Language picker; each option is written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('app.language')}</span>
      <select
        value={language}
        onChange={(e) => setLanguage(e.target.value as Language)}
        aria-label={t('app.language')}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {NAMES[lang]}
          </option>
        ))}
      </select>
    </label>
  );
}
