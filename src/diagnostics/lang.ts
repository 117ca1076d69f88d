/** The two languages every user-facing message is kept in. */
export type Lang = 'zh' | 'en';

/**
 * Chinese unless told otherwise: an explicit --lang wins, then the POSIX locale variables, then the
 * system locale (Windows sets no LANG, and its secretaries are the first users). The system locale
 * is asked for only when nothing else decides: Intl.DateTimeFormat() costs a cold start ~20 ms.
 */
export function detectLang(explicit: string | undefined, env: NodeJS.ProcessEnv, systemLocale: () => string): Lang {
  if (explicit) return explicit.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'] as const) {
    const value = env[name];
    if (value && value !== 'C' && value !== 'POSIX' && !value.startsWith('C.')) {
      return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    }
  }
  return systemLocale().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
