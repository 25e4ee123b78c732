/**
 * Batch screening of exported applications (used by `cprdfop screen`; not a public subpath yet).
 *
 * @packageDocumentation
 */
export {
  applyMapping,
  CellType,
  columnOf,
  Mapping,
  type MappingProblem,
  parseMapping,
  starterMapping,
} from './mapping.js';
export {
  type InputRow,
  type ReadResult,
  readCsv,
  readJsonl,
  readXlsx,
  ScreenInputError,
} from './readRows.js';
export {
  count,
  emptySummary,
  type RowResult,
  type ScreenOptions,
  type ScreenSummary,
  screenRow,
} from './screen.js';
export { escapeFormula, RESULT_COLUMNS, resultsCsv, resultsJsonl, resultsXlsx } from './writeResults.js';
