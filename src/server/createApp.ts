/** The HTTP API of cprdfop on Hono (Web-standard `Request`/`Response`, runs on Node with `@hono/node-server`). */
import { type Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
import type { Logger } from 'pino';
import { isIsoDate } from '../_shared/isoDate.js';
import { renderMessage } from '../_shared/messages.js';
import type { RuleSet } from '../rules/index.js';
import { SERVER } from './_messages.js';
import { utf8Bytes } from './_utf8.js';
import {
  applicationJsonSchema,
  availableRegions,
  check,
  defaultRuleSetId,
  explanationText,
  findCommunes,
  findRuleSet,
  type LoadedRuleSet,
  lookupCommune,
  lookupEpci,
  nextQuestionsFor,
  planDocument,
} from './adapters.js';
import { isJsonType, parseJsonText, readText, requireType, tooLarge, utf8Text } from './body.js';
import { openApiDocument } from './openapi.js';
import { docsPage } from './page.js';
import { type FieldError, type Lang, ProblemError, problemBody, problemResponse } from './problem.js';
import { ROUTES, routePattern } from './routes.js';

/** Limits and options of the server (every one has a documented default). */
export interface ServerOptions {
  /** The rule sets served (see `loadRuleSets`). */
  ruleSets: readonly LoadedRuleSet[];
  /** The package version (health, OpenAPI). */
  version: string;
  /** Maximum body of `POST /v1/check`, and of one line of a batch, in bytes. Default 1 MiB. */
  maxBodyBytes?: number | undefined;
  /** Maximum body of `POST /v1/check/batch`, in bytes. Default 64 MiB. */
  maxBatchBytes?: number | undefined;
  /** Maximum items of one batch. Default 100 000. */
  maxBatchItems?: number | undefined;
  /** Maximum JSON nesting. Default 32. */
  maxJsonDepth?: number | undefined;
  /**
   * Time allowed to a handler, in milliseconds (then 503 `timeout`); a streamed NDJSON batch has it
   * between two chunks of input (then a last `timeout` line at the index where it stopped). Default
   * 30 000.
   */
  requestTimeoutMs?: number | undefined;
  /** Origins allowed by CORS; none (CORS off) by default. `*` allows any. */
  corsOrigins?: readonly string[] | undefined;
  /** Access logger (pino); no application content is ever logged. */
  logger?: Logger | undefined;
}

type Env = { Variables: { lang: Lang } };

/** The content type `context.json` sets, for JSON text written by `serializeExplanation`. */
const JSON_TYPE = { 'content-type': 'application/json' } as const;

/** The first of fr/en by weight in an `Accept-Language` header, else `undefined`. */
function acceptedLanguage(header: string): Lang | undefined {
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const weight = params
        .find((p) => p.trim().startsWith('q='))
        ?.trim()
        .slice(2);
      return {
        // the primary subtag (`fr-CA` is French, `frr` is not)
        tag: tag.trim().toLowerCase().split('-')[0],
        // RFC 9110 §12.4.2: 0 to 1, at most three decimals; another weight drops the entry
        weight: weight === undefined ? 1 : /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(weight) ? Number(weight) : 0,
      };
    })
    .filter((entry) => (entry.tag === 'fr' || entry.tag === 'en') && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  return ranked[0]?.tag as Lang | undefined;
}

/**
 * The language of a request: `?lang=`, else `Accept-Language` (first of fr/en by weight), else en. A
 * `lang` that is neither is refused in the language of `Accept-Language`.
 */
function languageOf(context: Context<Env>): Lang {
  const asked = context.req.query('lang');
  if (asked === 'fr' || asked === 'en') return asked;
  const header = context.req.header('accept-language');
  const fromHeader = (header === undefined ? undefined : acceptedLanguage(header)) ?? 'en';
  if (asked !== undefined) {
    context.set('lang', fromHeader);
    throw new ProblemError('invalid-parameter', renderMessage(SERVER.badLang, fromHeader, { value: asked }), [
      { field: 'lang', message: renderMessage(SERVER.langChoices, fromHeader) },
    ]);
  }
  return fromHeader;
}

/**
 * The language of the `/docs` page, for people: `?lang=`, else `Accept-Language`, else French (the
 * language of the package's users, as in the CLI). An invalid `lang` was refused before.
 */
function pageLanguage(context: Context<Env>): Lang {
  const asked = context.req.query('lang');
  if (asked === 'fr' || asked === 'en') return asked;
  const header = context.req.header('accept-language');
  return (header === undefined ? undefined : acceptedLanguage(header)) ?? 'fr';
}

/**
 * Builds the Hono application of the API (no socket: see `startServer`).
 *
 * @param options - Rule sets, limits, CORS, logger.
 * @returns The Hono application.
 */
export function createApp(options: ServerOptions): Hono<Env> {
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const maxBatchBytes = options.maxBatchBytes ?? 64 * 1024 * 1024;
  const maxItems = options.maxBatchItems ?? 100_000;
  const maxDepth = options.maxJsonDepth ?? 32;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const logger = options.logger;
  const app = new Hono<Env>();

  app.use(async (context, next) => {
    const started = performance.now();
    context.set('lang', 'en');
    await next();
    // Method, path (no query string: it may carry search text) and status only: never a body.
    logger?.info(
      {
        method: context.req.method,
        path: context.req.path,
        status: context.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });
  if (options.corsOrigins?.length) {
    const origins = [...options.corsOrigins];
    app.use(
      cors({ origin: origins.includes('*') ? '*' : origins, allowMethods: ['GET', 'POST', 'OPTIONS'] }),
    );
  }
  app.use(async (context, next) => {
    context.set('lang', languageOf(context));
    await next();
  });
  app.use(
    timeout(timeoutMs, (context) => {
      const lang = context.get('lang');
      return new HTTPException(503, {
        res: new Response(
          JSON.stringify(
            problemBody('timeout', lang, renderMessage(SERVER.timeout, lang, { ms: timeoutMs })),
          ),
          {
            status: 503,
            // the rest of a slow body is not waited for: the connection closes after this answer
            headers: { 'content-type': 'application/problem+json; charset=utf-8', connection: 'close' },
          },
        ),
      });
    }),
  );

  app.onError((error, context) => {
    const lang = context.get('lang') ?? 'en';
    if (error instanceof ProblemError) return problemResponse(context, lang, error);
    if (error instanceof HTTPException) return error.getResponse();
    logger?.error(
      { err: { name: error.name, message: error.message, stack: error.stack } },
      'internal error',
    );
    return problemResponse(context, lang, new ProblemError('internal', renderMessage(SERVER.internal, lang)));
  });
  const patterns = ROUTES.map((route) => ({ ...route, pattern: routePattern(route.path) }));
  for (const route of ROUTES) {
    const names = [...route.query, 'lang'];
    app.on(route.method, route.path, async (context, next) => {
      if (context.req.url.includes('?')) {
        const lang = context.get('lang');
        for (const [name, values] of Object.entries(context.req.queries())) {
          if (!names.includes(name)) {
            const detail = renderMessage(SERVER.unknownParameter, lang, { name, names: names.join(', ') });
            throw new ProblemError('invalid-parameter', detail, [{ field: name, message: detail }]);
          }
          if (values.length > 1) {
            const detail = renderMessage(SERVER.repeatedParameter, lang, { name, count: values.length });
            throw new ProblemError('invalid-parameter', detail, [{ field: name, message: detail }]);
          }
        }
      }
      await next();
    });
  }
  app.notFound((context) => {
    const lang = context.get('lang') ?? 'en';
    const path = context.req.path;
    const allowed: string[] = [
      ...new Set(patterns.filter((route) => route.pattern.test(path)).map((route) => route.method)),
    ];
    if (allowed.length > 0) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      const response = problemResponse(
        context,
        lang,
        new ProblemError(
          'method-not-allowed',
          renderMessage(SERVER.methodNotAllowed, lang, {
            method: context.req.method,
            path,
            allowed: allowed.join(', '),
          }),
        ),
      );
      response.headers.set('allow', allowed.join(', '));
      return response;
    }
    return problemResponse(
      context,
      lang,
      new ProblemError(
        'not-found',
        renderMessage(SERVER.noRoute, lang, { method: context.req.method, path: context.req.path }),
      ),
    );
  });

  const versionsOf = (id: string): RuleSet[] =>
    options.ruleSets.filter((loaded) => loaded.ruleSet.id === id).map((loaded) => loaded.ruleSet);
  // Without `ruleset`: the ITIE version in force among those loaded (shipped and `--rules`).
  const defaultVersions = versionsOf(defaultRuleSetId());
  const ruleSetOf = (lang: Lang, ref: string, field: string): LoadedRuleSet => {
    const found = findRuleSet(options.ruleSets, ref);
    if (!found) {
      const known = options.ruleSets.map((loaded) => loaded.ref).join(', ');
      const detail = renderMessage(SERVER.unknownRuleSet, lang, { field, ref, known });
      throw new ProblemError('unknown-rule-set', detail, [{ field, message: detail }]);
    }
    return found;
  };
  /** `?limit=`: an integer from 1 to 100 written plainly (not `0x10`, `1e1`, ` 5`), or `undefined`. */
  const limitOf = (context: Context<Env>): number | undefined => {
    const text = context.req.query('limit');
    if (text === undefined) return undefined;
    const limit = /^[1-9][0-9]{0,2}$/.test(text) ? Number(text) : Number.NaN;
    if (!(limit <= 100)) {
      const detail = renderMessage(SERVER.badLimit, context.get('lang'), { value: text });
      throw new ProblemError('invalid-parameter', detail, [{ field: 'limit', message: detail }]);
    }
    return limit;
  };
  const checkOptions = (context: Context<Env>) => {
    const lang = context.get('lang');
    const asOf = context.req.query('asOf');
    if (asOf !== undefined && !isIsoDate(asOf)) {
      const detail = renderMessage(SERVER.badAsOf, lang, { value: asOf });
      throw new ProblemError('invalid-parameter', detail, [{ field: 'asOf', message: detail }]);
    }
    const ref = context.req.query('ruleset');
    if (ref === undefined) return { asOf, versions: defaultVersions };
    if (ref.includes('@')) return { asOf, ruleSet: ruleSetOf(lang, ref, 'ruleset').ruleSet };
    // an id alone: the version in force on the evaluation date among those loaded
    ruleSetOf(lang, ref, 'ruleset');
    return { asOf, versions: versionsOf(ref) };
  };
  /** One checked item: the explanation, or the problem of an invalid application. */
  const checkOne = (application: unknown, opts: ReturnType<typeof checkOptions>, lang: Lang, prefix = '') => {
    const result = check(application, opts);
    if (result.ok) return { ok: true as const, explanation: result.explanation };
    const errors: FieldError[] = result.issues.map((issue) => ({
      field: `${prefix}${issue.path || (issue.code === 'not-in-force' ? 'asOf' : 'body')}`,
      // The package's issues carry their French (`messages`): the language of the request picks it.
      message: issue.messages?.[lang] ?? issue.message,
      code: issue.code,
    }));
    const first = errors[0]!;
    const kind =
      result.issues[0]!.code === 'not-in-force'
        ? ('not-in-force' as const)
        : ('invalid-application' as const);
    const values = { field: first.field, message: first.message, more: errors.length - 1 };
    const detail = renderMessage(
      errors.length > 1 ? SERVER.invalidFields : SERVER.invalidField,
      lang,
      values,
    );
    return {
      ok: false as const,
      problem: new ProblemError(kind, detail, errors),
    };
  };
  const summary = (loaded: LoadedRuleSet) => ({
    id: loaded.ruleSet.id,
    version: loaded.ruleSet.version,
    ref: loaded.ref,
    title: loaded.ruleSet.title,
    validFrom: loaded.ruleSet.validFrom,
    validTo: loaded.ruleSet.validTo ?? null,
    hash: loaded.hash,
    origin: loaded.origin,
  });

  app.get('/healthz', (context) =>
    context.json({ status: 'ok', version: options.version, ruleSets: options.ruleSets.length }),
  );
  app.get('/openapi.json', (context) => context.json(openApiDocument(options.version)));
  app.get('/docs', (context) => {
    const lang = pageLanguage(context);
    context.header('content-language', lang);
    context.header('vary', 'Accept-Language');
    return context.html(docsPage(openApiDocument(options.version), lang));
  });
  app.get('/v1/rulesets', (context) => context.json({ ruleSets: options.ruleSets.map(summary) }));
  app.get('/v1/rulesets/:id', (context) => {
    const loaded = ruleSetOf(context.get('lang'), context.req.param('id'), 'id');
    return context.json({ ...summary(loaded), document: loaded.ruleSet });
  });
  app.get('/v1/rulesets/:id/schema', (context) => {
    const loaded = ruleSetOf(context.get('lang'), context.req.param('id'), 'id');
    return context.body(JSON.stringify(applicationJsonSchema(loaded.ruleSet)), 200, {
      'content-type': 'application/schema+json; charset=utf-8',
    });
  });

  app.post('/v1/check', async (context) => {
    const lang = context.get('lang');
    const opts = checkOptions(context);
    requireType(context.req.raw, isJsonType, 'application/json', lang);
    const application = parseJsonText(await readText(context.req.raw, maxBody, lang), maxDepth, lang);
    const outcome = checkOne(application, opts, lang);
    if (!outcome.ok) throw outcome.problem;
    return context.body(utf8Bytes(explanationText(outcome.explanation)), 200, JSON_TYPE);
  });

  app.post('/v1/next-questions', async (context) => {
    const lang = context.get('lang');
    const opts = checkOptions(context);
    const limit = limitOf(context);
    const group = context.req.query('group');
    if (group !== undefined && group !== 'object' && group !== 'none') {
      const detail = renderMessage(SERVER.badGroup, lang, { value: group });
      throw new ProblemError('invalid-parameter', detail, [{ field: 'group', message: detail }]);
    }
    requireType(context.req.raw, isJsonType, 'application/json', lang);
    const application = parseJsonText(await readText(context.req.raw, maxBody, lang), maxDepth, lang);
    const outcome = checkOne(application, opts, lang);
    if (!outcome.ok) throw outcome.problem;
    const questions = nextQuestionsFor(application, outcome.explanation, options.ruleSets, {
      asOf: opts.asOf,
      lang,
      limit,
      group,
    });
    return context.json({
      verdict: outcome.explanation.verdict,
      questions,
      explanation: outcome.explanation,
    });
  });

  app.post('/v1/check/batch', async (context) => {
    const lang = context.get('lang');
    const opts = checkOptions(context);
    const type = requireType(
      context.req.raw,
      (t) => isJsonType(t) || t === 'application/x-ndjson' || t === 'application/jsonl',
      SERVER.ndjsonOrJson,
      lang,
    );
    const failed = (index: number, error: ProblemError): string =>
      `${JSON.stringify({ index, ok: false, problem: problemBody(error.kind, lang, error.detail, error.errors) })}\n`;
    const line = (index: number, item: unknown): string => {
      const outcome = checkOne(item, opts, lang);
      return outcome.ok
        ? `{"index":${index},"ok":true,"explanation":${explanationText(outcome.explanation)}}\n`
        : failed(index, outcome.problem);
    };
    const headers = { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-language': lang };

    if (isJsonType(type)) {
      const items = parseJsonText(await readText(context.req.raw, maxBatchBytes, lang), maxDepth + 1, lang);
      if (!Array.isArray(items)) {
        const detail = renderMessage(SERVER.notAnArray, lang);
        throw new ProblemError('invalid-json', detail, [{ field: 'body', message: detail }]);
      }
      if (items.length > maxItems) {
        const detail = renderMessage(SERVER.tooManyItems, lang, { count: items.length, limit: maxItems });
        throw new ProblemError('batch-too-long', detail, [{ field: 'body', message: detail }]);
      }
      let next = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          let chunk = '';
          const end = Math.min(items.length, next + 64);
          for (; next < end; next++) chunk += line(next, items[next]);
          if (chunk) controller.enqueue(utf8Bytes(chunk));
          if (next >= items.length) controller.close();
        },
      });
      return new Response(body, { status: 200, headers });
    }

    // NDJSON: read and answer line by line (back-pressured: input is read as output is consumed).
    const declared = Number(context.req.header('content-length') ?? Number.NaN);
    if (declared > maxBatchBytes) throw tooLarge(maxBatchBytes, lang);
    // bytes, cut at each 0x0A (never inside a UTF-8 sequence): each line is decoded on its own, so a
    // line that is not UTF-8 is reported in place and the others go on
    const reader = (
      context.req.raw.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() })
    ).getReader();
    let pending: Uint8Array[] = [];
    let pendingSize = 0;
    const takePending = (last: Uint8Array): Uint8Array => {
      const bytes = pending.length === 0 ? last : Buffer.concat([...pending, last]);
      pending = [];
      pendingSize = 0;
      return bytes;
    };
    let index = 0;
    let received = 0;
    let finished = false;
    let skipping = false;
    const tooMany = () => {
      const detail = renderMessage(SERVER.tooManyLines, lang, { limit: maxItems });
      return new ProblemError('batch-too-long', detail, [{ field: 'body', message: detail }]);
    };
    const handleLine = (bytes: Uint8Array): string => {
      const position = index++;
      const where = `line ${position + 1}`;
      try {
        const end = bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
        if (end > maxBody) throw tooLarge(maxBody, lang, where);
        const trimmed = utf8Text(bytes.subarray(0, end), where, lang);
        if (trimmed.trim() === '') {
          const detail = renderMessage(SERVER.emptyLine, lang, { where });
          throw new ProblemError('invalid-json', detail, [{ field: where, message: detail }]);
        }
        return line(position, parseJsonText(trimmed, maxDepth, lang, where));
      } catch (error) {
        if (error instanceof ProblemError) return failed(position, error);
        throw error;
      }
    };
    const stopWith = (
      controller: ReadableStreamDefaultController<Uint8Array>,
      out: string,
      error: ProblemError,
    ) => {
      controller.enqueue(utf8Bytes(out + failed(index, error)));
      finished = true;
      controller.close();
      void reader.cancel().catch(() => undefined);
    };
    const idle = () => {
      const detail = renderMessage(SERVER.batchIdle, lang, { ms: timeoutMs });
      return new ProblemError('timeout', detail, [{ field: 'body', message: detail }]);
    };
    // The next chunk of input, or `undefined` when none came within the timeout (a stalled client).
    const nextChunk = (): Promise<ReadableStreamReadResult<Uint8Array> | undefined> => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      return Promise.race([
        reader.read(),
        new Promise<undefined>((resolveIdle) => {
          timer = setTimeout(() => resolveIdle(undefined), timeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
    };
    const body = new ReadableStream<Uint8Array>({
      // A pull that enqueues nothing is not called again: read until there is output or the end.
      async pull(controller) {
        for (;;) {
          if (finished) return;
          const chunk = await nextChunk();
          if (chunk === undefined) return stopWith(controller, '', idle());
          const { done, value } = chunk;
          let out = '';
          if (value) {
            received += value.byteLength;
            if (received > maxBatchBytes) return stopWith(controller, out, tooLarge(maxBatchBytes, lang));
            let from = 0;
            let newline = value.indexOf(0x0a);
            while (newline >= 0) {
              if (skipping) {
                skipping = false; // the end of an oversized line, already reported
                takePending(value.subarray(from, newline));
              } else {
                if (index >= maxItems) return stopWith(controller, out, tooMany());
                out += handleLine(takePending(value.subarray(from, newline)));
              }
              from = newline + 1;
              newline = value.indexOf(0x0a, from);
            }
            if (!skipping && from < value.length) {
              // a copy: the rest of a line waits for the next chunk
              pending.push(value.slice(from));
              pendingSize += value.length - from;
            }
            // a line's own closing CR (CRLF cut between two chunks) is not part of its size
            if (!skipping && pendingSize - (value[value.length - 1] === 0x0d ? 1 : 0) > maxBody) {
              // An oversized line is reported once, at its place; its rest is skipped up to its newline.
              if (index >= maxItems) return stopWith(controller, out, tooMany());
              out += failed(index, tooLarge(maxBody, lang, `line ${index + 1}`));
              index++;
              skipping = true;
            }
            if (skipping) takePending(new Uint8Array(0));
          }
          if (done) {
            if (pendingSize > 0 && !skipping) {
              if (index >= maxItems) return stopWith(controller, out, tooMany());
              out += handleLine(takePending(new Uint8Array(0)));
            }
            if (out) controller.enqueue(utf8Bytes(out));
            finished = true;
            controller.close();
            return;
          }
          if (out) {
            controller.enqueue(utf8Bytes(out));
            return;
          }
        }
      },
      cancel() {
        void reader.cancel().catch(() => undefined);
      },
    });
    return new Response(body, { status: 200, headers });
  });

  app.get('/v1/communes', (context) => {
    const lang = context.get('lang');
    const regionCode = context.req.query('region');
    if (regionCode !== undefined && !availableRegions().includes(regionCode)) {
      const detail = renderMessage(SERVER.unknownRegion, lang, {
        code: regionCode,
        codes: availableRegions().join(', '),
      });
      throw new ProblemError('not-found', detail, [{ field: 'region', message: detail }]);
    }
    const query = context.req.query('q');
    const limit = limitOf(context);
    if (limit !== undefined && query === undefined) {
      // the whole list is answered without a search: a limit there would cut it without a word
      const detail = renderMessage(SERVER.limitWithoutQuery, lang);
      throw new ProblemError('invalid-parameter', detail, [{ field: 'limit', message: detail }]);
    }
    if (query !== undefined && query.trim() === '') {
      // An empty search would answer an empty list, which reads like "no such commune".
      const detail = renderMessage(SERVER.emptyQuery, lang);
      throw new ProblemError('invalid-parameter', detail, [{ field: 'q', message: detail }]);
    }
    const found = findCommunes(query, limit ?? 10, regionCode);
    return context.json({ communes: found, count: found.length });
  });
  const lookup = <T>(
    context: Context<Env>,
    field: string,
    outcome:
      | ReturnType<typeof lookupCommune>
      | { kind: 'found'; value: T }
      | { kind: 'malformed' | 'unknown'; message: string; messages?: { fr: string; en: string } },
  ) => {
    if (outcome.kind === 'found') return context.json(outcome.value as object);
    // A message of the package carries its French: the language of the request picks it.
    const lang = context.get('lang') ?? 'en';
    const message = outcome.messages?.[lang] ?? outcome.message;
    throw new ProblemError(
      outcome.kind === 'malformed' ? 'invalid-parameter' : 'not-found',
      renderMessage(SERVER.invalidField, lang, { field, message }),
      [{ field, message }],
    );
  };
  app.get('/v1/communes/:code', (context) =>
    lookup(context, 'code', lookupCommune(context.req.param('code'))),
  );
  app.get('/v1/epcis/:siren', (context) =>
    lookup(context, 'siren', lookupEpci(context.req.param('siren'), context.get('lang'))),
  );
  app.get('/v1/plan', (context) => context.json(planDocument() as object));
  return app;
}
