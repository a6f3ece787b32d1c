export { TermIndex } from './term-index.js';
export type { TermIndexOptions, TermMatch } from './term-index.js';
