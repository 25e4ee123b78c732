import { ResponseValidationError, type ValidationIssue } from '../ResponseValidationError.js';
import type { StandardSchemaV1 } from './standardSchema.js';

/** Validates every item with a Standard Schema; throws one error listing every issue (index + path). */
export async function validateAll<T>(
  url: string,
  items: readonly unknown[],
  schema: StandardSchemaV1<unknown, T> | undefined,
  firstIndex = 0,
): Promise<T[]> {
  if (!schema) return items as T[];
  const out: T[] = new Array(items.length);
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < items.length; i++) {
    let result = schema['~standard'].validate(items[i]);
    if (result instanceof Promise) result = await result;
    if (result.issues) {
      for (const issue of result.issues) {
        const path = (issue.path ?? []).map((p) =>
          typeof p === 'object' && p !== null ? keyOf(p.key) : keyOf(p as PropertyKey),
        );
        issues.push({ path: [firstIndex + i, ...path], message: issue.message });
      }
    } else out[i] = result.value;
  }
  if (issues.length) throw new ResponseValidationError(url, issues);
  return out;
}

function keyOf(k: PropertyKey): string | number {
  return typeof k === 'number' ? k : String(k);
}

/** Converts zod issues into validation issues. */
export function zodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix: readonly (string | number)[] = [],
): ValidationIssue[] {
  return issues.map((i) => ({ path: [...prefix, ...i.path.map(keyOf)], message: i.message }));
}
