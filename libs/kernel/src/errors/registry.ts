import { ErrorCatalogue, ErrorSpec } from './app-error';
import { COMMON_ERRORS } from './common-errors';

/**
 * Every context registers its catalogue when its errors module is loaded, so the docs
 * (OpenAPI, GET /v1/errors) and the completeness tests see one list of codes.
 */
const registry = new Map<string, ErrorSpec>();

export function registerErrorCatalogue<Code extends string>(catalogue: ErrorCatalogue<Code>): ErrorCatalogue<Code> {
  for (const [code, spec] of Object.entries(catalogue) as [string, ErrorSpec][]) {
    const existing = registry.get(code);
    if (existing && existing !== spec) throw new Error(`error code ${code} is registered twice`);
    registry.set(code, spec);
  }
  return catalogue;
}

export function errorSpec(code: string): ErrorSpec {
  const spec = registry.get(code);
  if (!spec) throw new Error(`error code ${code} is not in any registered catalogue`);
  return spec;
}

export function allErrorCodes(): [string, ErrorSpec][] {
  return [...registry.entries()].sort(([a], [b]) => a.localeCompare(b));
}

registerErrorCatalogue(COMMON_ERRORS);
