/**
 * `cprdfop check --interactive`: asks the next questions (`nextQuestions`) in the terminal with
 * `@inquirer/prompts` (loaded only here, on first use), shows the verdict so far and why after each
 * answer, writes the completed application with `--save`, and the partial one on Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { withValueAtPath } from '../../_shared/dottedPath.js';
import { isIsoDate } from '../../_shared/isoDate.js';
import { renderMessage } from '../../_shared/messages.js';
import { checkApplication, itieEvaluator, itieRuleSets } from '../../itie/index.js';
import {
  type Explanation,
  type FieldDeclaration,
  fieldIndex,
  type NextQuestion,
  nextQuestions,
  type RuleSet,
} from '../../rules/index.js';
import { searchCommunes } from '../../territory/index.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';
import { localizeIssues } from './applicationIssues.js';
import { resolvePath } from './io.js';
import { VERDICT } from './messages/check.js';
import { COMMON } from './messages/common.js';
import { INTERACTIVE } from './messages/interactive.js';

type Lang = 'fr' | 'en';
type Prompts = typeof import('@inquirer/prompts');

/** Answers tried to prove that the territory question matters (Laon, in the region; Paris, outside). */
const TERRITORY_SAMPLES = { territory: [{ communes: ['02408'] }, { communes: ['75056'] }] } as const;

/** Options of {@link runInteractive}. */
export interface InteractiveOptions {
  /** The application to start from (an object), or `undefined` for an empty one. */
  initial: unknown;
  /** `--save`: where to write the completed application. */
  save?: string | undefined;
  lang: Lang;
  asOf?: string | undefined;
  /** `--rules`: another rule set. */
  ruleSet?: RuleSet | undefined;
}

/** The verdict so far, and why: the failed criteria, then the undecided ones. */
export function verdictSoFar(explanation: Explanation, lang: Lang): string {
  const verdict = VERDICT[explanation.verdict];
  const lines = [
    renderMessage(
      explanation.verdict === 'undetermined' ? INTERACTIVE.verdictSoFar : INTERACTIVE.verdict,
      lang,
      { verdict },
    ),
  ];
  const passed = explanation.criteria.filter((criterion) => criterion.status === 'pass').length;
  const undecided = explanation.criteria.filter((criterion) => criterion.status === 'unknown').length;
  lines.push(
    renderMessage(INTERACTIVE.criteriaCount, lang, {
      passed,
      total: explanation.criteria.length,
      undecided,
    }),
  );
  for (const criterion of explanation.criteria)
    if (criterion.status === 'fail') lines.push(`  ✗ ${criterion.message[lang]}`);
  if (explanation.verdict === 'eligible')
    for (const criterion of explanation.criteria) lines.push(`  ✓ ${criterion.message[lang]}`);
  return `${lines.join('\n')}\n`;
}

/** A file name for the partial application that does not overwrite anything. */
function partialPath(ctx: CliContext, save: string | undefined): string {
  const stem = save ? save.replace(/\.json$/i, '') : 'cprdfop-application';
  let candidate = `${stem}.partial.json`;
  for (let count = 2; existsSync(resolvePath(ctx, candidate)); count++)
    candidate = `${stem}.partial-${count}.json`;
  return candidate;
}

interface Asker {
  prompts: Prompts;
  context: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
  lang: Lang;
}

/** Asks one value of a declared field (a question text already built). */
async function askValue(
  asker: Asker,
  declaration: FieldDeclaration | undefined,
  text: string,
  path: string,
  index: ReadonlyMap<string, FieldDeclaration>,
): Promise<unknown> {
  const { prompts, context, lang } = asker;
  const type = declaration?.type;
  const unit = declaration?.unit ? ` (${declaration.unit})` : '';
  const message = `${text}${unit}`;
  const choices = (declaration?.values ?? []).map((entry) => ({
    name: entry.label[lang],
    value: entry.value,
  }));
  switch (type) {
    case 'enum':
      return prompts.select({ message, choices }, context);
    case 'set':
      return prompts.checkbox({ message, choices }, context);
    case 'boolean':
      return prompts.select(
        {
          message,
          choices: [
            { name: renderMessage(INTERACTIVE.yes, lang), value: true },
            { name: renderMessage(INTERACTIVE.no, lang), value: false },
          ],
        },
        context,
      );
    case 'integer':
    case 'decimal':
    case 'money':
    case 'percent':
      return prompts.number(
        {
          message,
          required: true,
          ...(declaration?.min !== undefined ? { min: declaration.min } : {}),
          ...(declaration?.max !== undefined ? { max: declaration.max } : {}),
          step: type === 'integer' ? 1 : 'any',
        },
        context,
      );
    case 'date':
      return prompts
        .input(
          {
            message: `${message} ${renderMessage(INTERACTIVE.dateHint, lang)}`,
            validate: (value) => isIsoDate(value.trim()) || renderMessage(INTERACTIVE.dateExpected, lang),
          },
          context,
        )
        .then((value) => value.trim());
    case 'territory': {
      const code = await prompts.search(
        {
          message: `${message} ${renderMessage(INTERACTIVE.communeHint, lang)}`,
          source: (term) =>
            term && term.trim().length >= 2
              ? searchCommunes(term, { limit: 10 }).map((found) => ({
                  name: `${found.name} (${found.code})`,
                  value: found.code,
                }))
              : [],
        },
        context,
      );
      return { communes: [code] };
    }
    case 'list': {
      const count = await prompts.number(
        {
          message: `${message} ${renderMessage(INTERACTIVE.howMany, lang)}`,
          required: true,
          min: 0,
          max: declaration?.max ?? 20,
          step: 1,
        },
        context,
      );
      const items: Record<string, unknown>[] = [];
      const itemFields = [...index].filter(([itemPath]) => itemPath.startsWith(`${path}[].`));
      for (let position = 0; position < (count ?? 0); position++) {
        let item: Record<string, unknown> = {};
        for (const [itemPath, itemDeclaration] of itemFields) {
          const relative = itemPath.slice(path.length + 3);
          const itemLabel = renderMessage(INTERACTIVE.listItem, lang, {
            label: declaration?.label[lang] ?? path,
            position: position + 1,
          });
          const itemText = `${itemLabel} — ${(itemDeclaration.question ?? itemDeclaration.label)[lang]}`;
          item = withValueAtPath(
            item,
            relative,
            await askValue(asker, itemDeclaration, itemText, itemPath, index),
          );
        }
        items.push(item);
      }
      return items;
    }
    default:
      return prompts.input({ message, required: true }, context);
  }
}

/**
 * Runs the interactive check: one question at a time, best first, until the verdict is decided.
 *
 * @param ctx - The CLI context (its stdin and stdout are the terminal).
 * @param options - The starting application, `--save`, language, date and rule set.
 * @throws `CliError` (65) for an invalid starting application, (73) when a file cannot be written.
 */
export async function runInteractive(ctx: CliContext, options: InteractiveOptions): Promise<void> {
  const { lang, asOf, ruleSet, save } = options;
  const prompts: Prompts = await import('@inquirer/prompts');
  const asker: Asker = {
    prompts,
    context: { input: ctx.stdin, output: ctx.stdout as unknown as NodeJS.WritableStream },
    lang,
  };
  let application: Record<string, unknown> =
    options.initial === undefined ? {} : (options.initial as Record<string, unknown>);
  if (application === null || typeof application !== 'object' || Array.isArray(application))
    throw new CliError(renderMessage(INTERACTIVE.notAnObject, lang), EXIT.DATAERR);
  const write = async (path: string, value: unknown) => {
    try {
      await writeFile(resolvePath(ctx, path), `${JSON.stringify(value, null, 2)}\n`);
    } catch (error) {
      throw new CliError(
        renderMessage(COMMON.cannotWrite, lang, { file: path, reason: (error as Error).message }),
        EXIT.CANTCREAT,
      );
    }
  };
  let explanation: Explanation;
  try {
    for (;;) {
      const result = checkApplication(application, { asOf, ruleSet });
      if (!result.ok) {
        const first = localizeIssues(result.issues, application, lang)[0]!;
        throw new CliError(
          renderMessage(INTERACTIVE.invalidApplication, lang, {
            where: first.path ? renderMessage(INTERACTIVE.where, lang, { path: first.path }) : '',
            message: first.message,
          }),
          EXIT.DATAERR,
        );
      }
      explanation = result.explanation;
      ctx.stdout.write(`\n${verdictSoFar(explanation, lang)}\n`);
      if (explanation.verdict !== 'undetermined') break;
      const used =
        ruleSet ??
        itieRuleSets().find(
          (candidate) =>
            candidate.id === explanation.ruleSet.id && candidate.version === explanation.ruleSet.version,
        )!;
      const [question] = nextQuestions(itieEvaluator(used), application, {
        lang,
        asOf,
        limit: 1,
        samples: TERRITORY_SAMPLES,
      }) as NextQuestion[];
      if (!question) break;
      const index = fieldIndex(used);
      for (;;) {
        const answer = await askValue(asker, index.get(question.path), question.text, question.path, index);
        const candidate = withValueAtPath(application, question.path, answer);
        const checked = checkApplication(candidate, { asOf, ruleSet });
        const issue = checked.ok ? undefined : localizeIssues(checked.issues, candidate, lang)[0];
        if (issue) {
          ctx.stdout.write(
            `  ${renderMessage(INTERACTIVE.answerRefused, lang, { message: issue.message })}\n`,
          );
          continue;
        }
        application = candidate;
        break;
      }
    }
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      const path = partialPath(ctx, save);
      await write(path, application);
      ctx.stdout.write(`\n${renderMessage(INTERACTIVE.interrupted, lang, { path })}\n`);
      ctx.exitCode = EXIT.FAILURE;
      return;
    }
    throw error;
  }
  if (save) {
    await write(save, application);
    ctx.stdout.write(`${renderMessage(INTERACTIVE.saved, lang, { path: save })}\n`);
  }
  ctx.exitCode = EXIT.OK;
}
