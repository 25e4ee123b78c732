/**
 * The word scan of French output (shared by the CLI output test and the rule-set messages test): a
 * list of English words that never belong in French prose, and what is left out of the scan as no
 * prose (codes, identifiers, paths, options, JSON, quotations).
 */

/** English words that never belong in French prose. */
export const ENGLISH_WORDS =
  /(?<!\p{L})(the|and|of|must|invalid|expected|print|show|file|with|when|default|usage|commands|unknown|pass|fail|warning|error|missing|cannot|found|outside|every|none|should|from|is|are|not)(?!\p{L})/iu;

/** The names of the commands: identifiers typed as they are, in both languages. */
const COMMAND_NAMES =
  /\b(plan|check|rules|show|diff|schema|test|data|where|ls|pull|contours|territory|map|export|locate|serve|screen|help)\b/g;

/** The keys of a rule set named by `rules diff` (`label, when modifié(s)`): identifiers too. */
const RULE_KEYS =
  /\b(when|label|message|unless|value|unit|provenance|fields|parameters|criteria)\b(?=[,)]|\s+modifié)/g;

/** Codes, identifiers, paths, options and JSON are no prose: they are left out of the word scan. */
export function prose(text: string): string {
  return text
    .replace(/^ {2}\S+/, ' ')
    .replace(COMMAND_NAMES, ' ')
    .replace(RULE_KEYS, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/«[^»]*»/g, ' ') // quotations keep the words of their source
    .replace(/<[^>]*>|\[[^\]]*\]/g, ' ')
    .replace(/(^|\s)--?[\w-]+/g, ' ')
    .replace(/\S*[-_.@/=:0-9]\S*|\S*[a-z][A-Z]\S*/g, ' ')
    .replace(/"[^"]*"/g, ' ');
}
