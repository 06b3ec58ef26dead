import { useTranslation } from 'react-i18next';

/** A peer's last error code in the UI language; a code this version has no words for is shown as it came. */
export function usePeerError(): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => (i18n.exists(`errors.${code}`) ? t(`errors.${code}`) : code);
}
