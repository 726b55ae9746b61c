import { useI18n } from '../i18n/i18n-context';

/** zh-CN ⇄ en, remembered on this device. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-quiet lang-switch"
      lang={locale === 'en' ? 'zh-CN' : 'en'}
      aria-label={t('lang.switchLabel')}
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
    >
      {t('lang.switch')}
    </button>
  );
}
