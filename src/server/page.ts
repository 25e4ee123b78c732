/**
 * A small self-contained HTML page describing the API from its OpenAPI document (no CDN, no script), in
 * French or in English: the document's summaries and parameter descriptions are the English texts of
 * the server's catalogue, told here in the page's language.
 */
import type { Language } from '../_shared/language.js';
import { type Message, renderMessage } from '../_shared/messages.js';
import { DOCS_PAGE, OPERATION_SUMMARIES, PARAMETER_DESCRIPTIONS } from './_messages.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Escaped text with its `inline code` in `<code>`. */
const prose = (text: string): string => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

/** The catalogue messages of the document's texts, by their English text. */
const byEnglish = new Map<string, Message>(
  [...Object.values(OPERATION_SUMMARIES), ...Object.values(PARAMETER_DESCRIPTIONS)].map((message) => [
    message.en,
    message,
  ]),
);

/**
 * A text of the document in the page's language. Every text the document takes from the catalogue
 * has its French (a test checks each one); any other is shown as the document has it.
 */
const told = (text: string, lang: Language): string => {
  const message = byEnglish.get(text);
  return message === undefined ? text : renderMessage(message, lang);
};

const LOCATIONS: Readonly<Record<string, Message>> = { query: DOCS_PAGE.query, path: DOCS_PAGE.path };

const pages = new WeakMap<object, Map<Language, string>>();

/**
 * The human page of the API: every operation with its summary and parameters, and a link to
 * `/openapi.json`, in French or in English (`<html lang>` set, French typography).
 *
 * @param document - The OpenAPI document.
 * @param lang - The language of the page.
 * @returns The HTML.
 */
export function docsPage(document: Record<string, unknown>, lang: Language): string {
  let built = pages.get(document);
  if (built === undefined) {
    built = new Map();
    pages.set(document, built);
  }
  const known = built.get(lang);
  if (known !== undefined) return known;
  const info = document.info as { version: string };
  const paths = document.paths as Record<
    string,
    Record<string, { summary?: string; parameters?: { name: string; in: string; description?: string }[] }>
  >;
  const rows: string[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = (operation.parameters ?? [])
        .map((parameter) => {
          const location = LOCATIONS[parameter.in];
          const where = location === undefined ? parameter.in : renderMessage(location, lang);
          return `<li><code>${escapeHtml(parameter.name)}</code> (${escapeHtml(where)}) ${prose(told(parameter.description ?? '', lang))}</li>`;
        })
        .join('');
      rows.push(
        `<section><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2><p>${prose(told(operation.summary ?? '', lang))}</p>${parameters ? `<ul>${parameters}</ul>` : ''}</section>`,
      );
    }
  }
  const title = escapeHtml(renderMessage(DOCS_PAGE.title, lang));
  const version = escapeHtml(info.version);
  const other: Language = lang === 'fr' ? 'en' : 'fr';
  // The values are markup made here; the template's own text is escaped first.
  const machineReadable = escapeHtml(
    renderMessage(DOCS_PAGE.machineReadable, lang, { document: '{document}', problem: '{problem}' }),
  )
    .replace('{document}', '<a href="/openapi.json">/openapi.json</a>')
    .replace('{problem}', '<code>application/problem+json</code>');
  const page = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title} ${version}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}h2{font-size:1.1rem;margin-top:1.5rem}</style>
</head><body><p><a href="/docs?lang=${other}" hreflang="${other}" lang="${other}">${escapeHtml(renderMessage(DOCS_PAGE.otherLanguage, lang))}</a></p>
<h1>${title} <small>${version}</small></h1>
<p>${prose(renderMessage(DOCS_PAGE.description, lang))}</p>
<p>${machineReadable}</p>
${rows.join('\n')}
</body></html>
`;
  built.set(lang, page);
  return page;
}
