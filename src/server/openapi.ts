/**
 * The OpenAPI 3.1 description of `passgate serve`. Hand-written next to the route table
 * (routes.ts); test/server/openapi.test.ts checks that the two agree both ways: every documented
 * path, method and status is answered, and nothing else is.
 */
import { MAX_EXTRA_TERMS } from '../detect/context.js';
import { MAX_HASH_LENGTH, MAX_PREVIOUS_HASHES } from '../rotation/hash-format.js';
import { PAGE_DATA_FILES } from '../assets/platform.js';
import { DEFAULT_MAX_BODY_BYTES } from '../option-schema.js';
import { contextFieldProperties, localeDescription, pageOptionProperties, policyOptionProperties } from './openapi-options.js';

// The body limit's default in words (16 KiB).
const BODY_LIMIT = `${DEFAULT_MAX_BODY_BYTES / 1024} KiB`;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: object) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: jsonContent(ref('Error')) });
const notModified = { description: 'Not modified: the `If-None-Match` validator matches the current version.' };
// What any operation may answer besides its own statuses: node:http's refusals and the 500.
const internal = {
  '4XX': {
    description:
      'A request the server could not take: a target that is not a path (400, an `Error` body), a client too slow to send ' +
      'its request within the limit (408), headers over 16 KiB (431); 408 and 431 have no body.',
  },
  default: error('Unexpected failure (a generic message; details are only logged by type).'),
};

/** The SPDX expression of the package's licence (test/server/openapi.test.ts keeps it equal to package.json's). */
export const LICENSE = 'MIT AND CC-BY-SA-3.0 AND MPL-1.1 AND BSD-3-Clause AND CC-BY-4.0';

const staticGet = (operationId: string, summary: string, type: string, extra: Record<string, object> = {}) => ({
  get: {
    operationId,
    summary,
    responses: {
      '200': { description: 'The file, with an `ETag`.', content: { [type]: { schema: { type: 'string' } } } },
      '304': notModified,
      ...extra,
      ...internal,
    },
  },
});

/** `basePath`: where a fetch handler is mounted (createHandler's option); the paths are relative to it. */
export function openApiDocument(basePath = '') {
  return {
    openapi: '3.1.0',
    info: {
      title: 'passgate',
      version: '1',
      description:
        'Decides whether a new password may be used. Stateless: run several instances behind a load balancer, ' +
        'each with the same filter file. `HEAD` is answered on every `GET` path. Any other method a path does not list ' +
        'is answered 405 with an `Allow` header; any path not listed is answered 404. Passwords are never logged or echoed.',
      license: { name: LICENSE, identifier: LICENSE },
    },
    // Relative: the service root (or the handler's mount point), wherever a proxy mounts it.
    servers: [{ url: basePath || '/' }],
    // No authentication: keep the service on a private network (docs/service.md).
    security: [],
    paths: {
      '/v1/evaluate': {
        post: {
          operationId: 'evaluatePassword',
          summary: 'Judge one password',
          requestBody: { required: true, content: jsonContent(ref('EvaluateRequest')) },
          responses: {
            '200': { description: 'The verdict with its reasons.', content: jsonContent(ref('EvaluationResult')) },
            '400': error('Malformed JSON, a missing or non-string `password`, or a malformed `context` (an unsupported or over-cost hash included).'),
            '413': error(`The body is larger than the configured limit (${BODY_LIMIT} by default).`),
            ...internal,
          },
        },
      },
      '/v1/chosen': {
        post: {
          operationId: 'recordChosenPassword',
          summary: "Count a password that was just set towards the organisation's popular passwords (its root, as keyed counters)",
          description:
            'Call it from the application after a password change succeeded, never while the user types. Needs ' +
            '`popularity` and `popularity.recordToken` in the configuration; without them the route answers 404.',
          security: [{ recordToken: [] }],
          requestBody: { required: true, content: jsonContent(ref('ChosenRequest')) },
          responses: {
            '204': { description: 'Counted.' },
            '400': error('Malformed JSON, a body other than `{ "password": "…" }`, or a password over the maximum length.'),
            '401': error('No bearer token, or not the configured one (`WWW-Authenticate: Bearer`).'),
            '404': error('This service records no chosen passwords (no `popularity` or no `popularity.recordToken`).'),
            '413': error(`The body is larger than the configured limit (${BODY_LIMIT} by default).`),
            '503': error('The popularity store could not be reached or did not answer in time (`Retry-After`).'),
            ...internal,
          },
        },
      },
      '/v1/policy': {
        get: {
          operationId: 'getPolicy',
          summary: 'The policy in force, machine-readable',
          responses: { '200': { description: 'The policy.', content: jsonContent(ref('Policy')) }, '304': notModified, ...internal },
        },
      },
      '/healthz': {
        get: {
          operationId: 'getHealth',
          summary: 'Liveness, the configuration generation, and the last reload if it failed',
          responses: { '200': { description: 'Serving (`degraded`: the last reload failed, the previous generation serves).', content: jsonContent(ref('Health')) }, ...internal },
        },
      },
      '/metrics': {
        get: {
          operationId: 'getMetrics',
          summary: 'Prometheus metrics: requests by route and status, latency, verdicts, rejection codes, reloads',
          responses: { '200': { description: 'Prometheus text exposition format 0.0.4.', content: { 'text/plain': { schema: { type: 'string' } } } }, ...internal },
        },
      },
      '/openapi.json': staticGet('getOpenApi', 'This document', 'application/json'),
      '/': staticGet('getPage', 'The demo reset-form page', 'text/html'),
      '/page/app.js': staticGet('getPageScript', "The demo page's script module", 'text/javascript'),
      '/page/style.css': staticGet('getPageStyle', "The demo page's stylesheet", 'text/css'),
      '/page/not-ready': {
        post: {
          operationId: 'refuseFormPost',
          summary: "Where the demo form points should a browser send it itself (its script not started): refused, the body never read",
          responses: { '409': error("The page's script has not started; nothing was checked."), ...internal },
        },
      },
      '/page/config.json': {
        get: {
          operationId: 'getPageConfig',
          summary: "The server's checker options for the page (same profile and lists, so the same verdicts)",
          responses: { '200': { description: 'Page configuration.', content: jsonContent(ref('PageConfig')) }, '304': notModified, ...internal },
        },
      },
      '/data/breached.pgf': staticGet('getBreachedFilter', 'The breached-password filter the server judges with (passgate filter format)', 'application/octet-stream', {
        '404': error('This service uses no breached-password filter.'),
      }),
      '/data/{name}': {
        ...staticGet('getDataFile', 'A shipped data file for the browser build (word lists, the character model, and the manifest they are verified against)', 'text/plain', { '404': error('No such data file.') }),
        parameters: [{ name: 'name', in: 'path', required: true, schema: { enum: [...PAGE_DATA_FILES] } }],
      },
      '/dist/{file}': {
        ...staticGet('getDistFile', 'The browser build of passgate (browser.js and its chunks)', 'text/javascript', { '404': error('No such file.') }),
        parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-][A-Za-z0-9._-]*\\.js(\\.map)?$' } }],
      },
    },
    components: {
      securitySchemes: {
        recordToken: { type: 'http', scheme: 'bearer', description: 'The configured `popularity.recordToken`. Never logged.' },
      },
      schemas: {
        ChosenRequest: {
          type: 'object',
          required: ['password'],
          additionalProperties: false,
          properties: { password: { type: 'string', description: 'The password just set. Never logged, echoed or stored: only keyed counters of its root change.' } },
        },
        EvaluateRequest: {
          type: 'object',
          required: ['password'],
          additionalProperties: false,
          properties: {
            password: { type: 'string', description: 'The candidate password. Never logged or echoed.' },
            context: ref('Context'),
            locale: { type: 'string', description: localeDescription() },
          },
        },
        Context: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...contextFieldProperties(),
            extraTerms: { type: 'array', items: { type: 'string' }, maxItems: MAX_EXTRA_TERMS },
            previousPassword: {
              type: 'string',
              description:
                'The current password, when the user typed it (self-service change): a new password that is it with its ' +
                'rotating parts changed (a number or year, a season, symbols at the ends, case, leetspeak) is refused as ' +
                'ROTATED_PASSWORD. At most maxLength characters. Never logged or echoed.',
            },
            previousPasswordHashes: {
              type: 'array',
              maxItems: MAX_PREVIOUS_HASHES,
              items: { type: 'string', maxLength: MAX_HASH_LENGTH },
              description:
                'The stored hash of the current password, or a short history: PHC / modular-crypt argon2id, bcrypt ' +
                '($2a$/$2b$/$2y$), scrypt or PBKDF2. The likeliest predecessors of the new password are verified against ' +
                'them within the configured budget (rotation.maxCandidates, rotation.budgetMs): up to about one ' +
                'core-second per request by default, so rate-limit this endpoint. Never logged or echoed.',
            },
          },
        },
        Finding: {
          type: 'object',
          required: ['code', 'source'],
          properties: {
            code: { type: 'string', description: 'Stable code, e.g. BANNED_TERM, BREACHED, TOO_SHORT.' },
            source: { type: 'string' },
            start: { type: 'integer', description: 'UTF-16 offset into the password.' },
            end: { type: 'integer' },
            term: { type: 'string', description: 'The list term that matched, never a slice of the password.' },
            distance: { type: 'integer' },
            params: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
            severity: { enum: ['reject', 'warn', 'info'] },
            message: { type: 'string' },
          },
        },
        EvaluationResult: {
          type: 'object',
          required: ['accepted', 'wouldReject', 'points', 'score', 'findings', 'feedback', 'strength', 'policy'],
          properties: {
            accepted: { type: 'boolean' },
            wouldReject: { type: 'boolean' },
            points: { type: 'number', description: 'Entra points of the normalised password (not the 0–4 strength score)' },
            score: { type: 'number', deprecated: true, description: 'The same number as points, kept for compatibility' },
            findings: { type: 'array', items: ref('Finding') },
            feedback: {
              type: 'object',
              required: ['warning', 'suggestions'],
              properties: { warning: { type: ['string', 'null'] }, suggestions: { type: 'array', items: { type: 'string' } } },
            },
            strength: {
              type: ['object', 'null'],
              properties: { guesses: { type: 'number' }, guessesLog10: { type: 'number' }, score: { type: 'integer', minimum: 0, maximum: 4 } },
            },
            policy: {
              type: 'object',
              properties: {
                ...policyOptionProperties(['profile', 'mode', 'minLength', 'maxLength']),
                threshold: { type: 'number' },
                rejectedBy: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
        Policy: {
          type: 'object',
          required: ['profile', 'mode', 'minLength', 'maxLength', 'lists'],
          properties: {
            ...policyOptionProperties(),
            threshold: { type: 'number' },
            matching: { enum: ['substring', 'whole'] },
            lists: { type: 'object' },
            strength: { type: ['object', 'null'] },
            contextFields: { type: 'array', items: { enum: Object.keys(contextFieldProperties()) } },
          },
        },
        Health: {
          type: 'object',
          required: ['status', 'generation'],
          properties: {
            status: { enum: ['ok', 'degraded'] },
            generation: { type: 'integer' },
            loadedAt: { type: 'string', format: 'date-time' },
            profile: { type: 'string' },
            lastReload: {
              type: 'object',
              description: 'Present while the last reload has failed. The reason names files and settings, never a term or a password.',
              required: ['status', 'generation', 'since', 'failures', 'reason'],
              properties: {
                status: { const: 'failed' },
                generation: { type: 'integer', description: 'The generation still serving.' },
                since: { type: 'string', format: 'date-time', description: 'The first failure since the last good reload.' },
                failures: { type: 'integer' },
                reason: { type: 'string' },
              },
            },
          },
        },
        PageConfig: {
          type: 'object',
          required: ['generation', 'options', 'breached'],
          properties: {
            generation: { type: 'integer' },
            options: { type: 'object', description: 'createChecker options, without the filter.', properties: pageOptionProperties() },
            breached: {
              type: ['object', 'null'],
              properties: { url: { type: 'string' }, bytes: { type: 'integer' }, entries: { type: 'integer' } },
            },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  };
}
