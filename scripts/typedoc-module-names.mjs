// A typedoc plugin (typedoc.json): names each module of the API reference by the specifier a
// user imports it with — `passgate`, `passgate/fetch`, `passgate/zod` — instead of its source
// path (`index`, `fetch`, `adapters/zod`).
import { Converter, ReflectionKind } from 'typedoc';

/** @param {string} path the module's name as typedoc derives it from the entry point */
export const specifier = (path) => (path === 'index' ? 'passgate' : `passgate/${path.replace(/^adapters\//, '')}`);

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) module.name = specifier(module.name);
  });
}
