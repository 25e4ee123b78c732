/** The JSON safety guards of `rules`, shared with other modules through `src/_shared/jsonSafety.ts`. */
export { checkJsonSafety, FORBIDDEN_KEYS, formatPath, type SafetyLimits } from '../_shared/jsonSafety.js';
