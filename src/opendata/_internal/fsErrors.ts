/** System error codes that mean "this file system refuses the write". */
export const WRITE_ERROR_CODES: ReadonlySet<string> = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'ENOTDIR',
  'EISDIR',
  'EEXIST',
  'EMFILE',
  'ENFILE',
  'EIO',
]);

/** Whether a file-system error means the cache cannot be written (as opposed to a bug). */
export function isWriteRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && WRITE_ERROR_CODES.has(code);
}
