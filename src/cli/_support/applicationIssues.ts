/**
 * The validation messages of an application in the run's language (internal). The package's issues
 * carry their French (`messages.fr`); an issue without it (built by hand) has its shape error told again
 * by zod's French locale, matched by path. An issue with no French text found keeps its English
 * message: never dropped, never invented.
 */
import frenchZod from 'zod/v4/locales/fr.js';
import { formatPath } from '../../_shared/jsonSafety.js';
import type { Language } from '../../_shared/language.js';
import { frenchTypography } from '../../_shared/typography.js';
import { Application, type ApplicationIssue } from '../../itie/index.js';

/**
 * The issues with their message in `lang` (same issues, same order, same paths and codes).
 *
 * @param issues - The issues of `safeParseApplication` / `checkApplication`.
 * @param application - The application they are about (to run zod again with its French locale).
 * @param lang - The language of the run.
 * @returns The issues, messages translated where a translation exists.
 */
export function localizeIssues(
  issues: readonly ApplicationIssue[],
  application: unknown,
  lang: Language,
): ApplicationIssue[] {
  if (lang === 'en') return [...issues];
  // The package's issues carry their French: it is used as it is.
  if (issues.every((issue) => issue.messages !== undefined))
    return issues.map((issue) => ({ ...issue, message: issue.messages?.fr ?? issue.message }));
  if (!issues.some((issue) => issue.code === 'invalid')) return [...issues];
  const parsed = Application.safeParse(application, { error: frenchZod().localeError });
  const french = new Map<string, string[]>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formatPath(issue.path);
      french.set(path, [...(french.get(path) ?? []), issue.message]);
    }
  }
  return issues.map((issue) => {
    if (issue.messages) return { ...issue, message: issue.messages.fr };
    if (issue.code !== 'invalid') return issue;
    const message = french.get(issue.path)?.shift();
    // A custom message (ours, not zod's) comes back unchanged: it keeps its own wording.
    return message === undefined || message === issue.message
      ? issue
      : { ...issue, message: frenchTypography(message) };
  });
}
