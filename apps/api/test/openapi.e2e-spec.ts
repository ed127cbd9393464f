import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { REMARKS_MAX } from '@xianjie/contract';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config';
import { routesOf, Route } from '../src/openapi/routes';
import { testDatabases } from './databases';

/**
 * The OpenAPI document served at /api/docs-json: every route documented (a new route without
 * `@Doc` fails here), lint-clean under @redocly/cli's recommended rules (offline), and each
 * response schema exactly what @xianjie/contract's types say — so document and package cannot drift.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the document is plain JSON
const ROOT = resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(join(ROOT, 'scripts/openapi.js')) as { generate(): { schemas: string; types: string }; SCHEMAS_FILE: string; TYPES_FILE: string };

// The schema generator runs the TypeScript compiler over the contract (≈ 20 s on a busy 2-core machine).
jest.setTimeout(180_000);

describe('OpenAPI document', () => {
  let app: NestFastifyApplication;
  let drop: () => Promise<void>;
  let doc: Json;
  let routes: Route[];
  let generated: { schemas: string; types: string };

  beforeAll(async () => {
    const created = await testDatabases()[0].create();
    drop = created.drop;
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: `sqlite:${created.config.type === 'sqlite' ? created.config.path : ''}`, XJ_TOKEN_SECRET: 'x'.repeat(40), XJ_H5_DIR: 'none' });
    app = await createApp(config, { logger: false, docs: true });
    const res = await app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(res.statusCode).toBe(200);
    doc = JSON.parse(res.body);
    routes = routesOf(app.get(ModulesContainer));
    generated = generator.generate();
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  const operation = (r: Route): Json | undefined => doc.paths[`/api/v1${r.path.replace(/:(\w+)/g, '{$1}')}`]?.[r.verb.toLowerCase()];
  const name = (r: Route) => `${r.verb} ${r.path}`;

  it('documents every route the app serves, with a Chinese summary', () => {
    const undocumented = routes.filter((r) => !r.doc || !/[\u4e00-\u9fff]/.test(r.doc.summary)).map(name);
    expect(undocumented).toEqual([]); // add `@Doc({ summary, response, errors })` (common/doc.ts) to these
    expect(routes.filter((r) => !operation(r)).map(name)).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  it('asks for the bearer token on every route but the public ones', () => {
    expect(routes.filter((r) => r.isPublic).map(name)).toEqual(['POST /auth/forgot-password', 'POST /auth/login', 'GET /health', 'GET /health/ready']);
    for (const r of routes) expect([name(r), operation(r)?.security]).toEqual([name(r), r.isPublic ? [] : [{ bearer: [] }]]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('gives every operation a 4xx answer with the contract error body, liveness aside', () => {
    for (const r of routes) {
      const op = operation(r)!;
      const errors = Object.keys(op.responses).filter((s) => /^[45]/.test(s));
      if (name(r) !== 'GET /health' && name(r) !== 'GET /health/ready') expect([name(r), errors.some((s) => s.startsWith('4'))]).toEqual([name(r), true]);
      for (const s of errors) expect(op.responses[s].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    }
  });

  it('has checked-in contract schemas that are current (else run `npm run openapi`)', () => {
    expect(readFileSync(generator.SCHEMAS_FILE, 'utf8')).toBe(generated.schemas);
    expect(readFileSync(generator.TYPES_FILE, 'utf8')).toBe(generated.types);
  });

  it("answers each route's 2xx with the very schema generated from its contract type", () => {
    const contract: Json = JSON.parse(generated.schemas);
    const checked = new Set<string>();
    for (const r of routes) {
      const spec = r.doc!.response;
      const op = operation(r)!;
      const [status, ...more] = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      expect([name(r), more]).toEqual([name(r), []]);
      const json = op.responses[status].content?.['application/json']?.schema;
      if (spec === null || spec === 'xlsx') {
        expect([name(r), json]).toEqual([name(r), undefined]);
        continue;
      }
      const [, type, suffix] = /^(\w+)(\[\]| \| null)?$/.exec(spec)!;
      const ref = { $ref: `#/components/schemas/${type}` };
      const expected = suffix === '[]' ? { type: 'array', items: ref } : suffix ? { oneOf: [ref, { type: 'null' }] } : ref;
      expect([name(r), json]).toEqual([name(r), expected]);
      checked.add(type);
    }
    // The schema behind each name, and every schema it reaches, is the contract's own.
    const visit = (n: string): void => {
      if (checked.has(`seen:${n}`)) return;
      checked.add(`seen:${n}`);
      expect([n, doc.components.schemas[n]]).toEqual([n, contract[n]]);
      for (const m of JSON.stringify(contract[n]).matchAll(/#\/components\/schemas\/(\w+)/g)) visit(m[1]);
    };
    for (const n of [...checked]) visit(n);
    visit('ErrorBody');
  });

  it('takes request schemas from the DTOs’ validation rules, not empty objects', () => {
    for (const r of routes.filter((x) => x.body)) {
      const body = doc.components.schemas[r.body!.name];
      expect([name(r), Object.keys(body?.properties ?? {}).length > 0]).toEqual([name(r), true]);
    }
    expect(doc.components.schemas.StartTransferDto.properties.remarks).toMatchObject({ type: 'string', maxLength: REMARKS_MAX });
    expect(doc.components.schemas.PhoneDto.properties.phone).toMatchObject({ type: 'string', minLength: 11, maxLength: 11 });
    const inbox = operation(routes.find((r) => name(r) === 'GET /transfers')!)!;
    expect(inbox.parameters.map((p: Json) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['query:box', 'query:limit', 'query:offset']));
    // Query parameters by class, inherited ones included (StatisticsQueryDto extends YearQueryDto).
    const query = (route: string) => Object.fromEntries(operation(routes.find((r) => name(r) === route)!)!.parameters.filter((p: Json) => p.in === 'query').map((p: Json) => [p.name, p.schema]));
    expect(query('GET /orgs/:id/statistics')).toEqual({ year: expect.objectContaining({ minimum: 2000, maximum: 2100 }), format: expect.objectContaining({ enum: ['json', 'xlsx'] }) });
    expect(query('GET /orgs/:id/progress')).toEqual({ year: expect.objectContaining({ minimum: 2000, maximum: 2100 }) });
    // A body schema is named by its class: two body classes of one name would share one schema.
    const byName = new Map<string, Set<Function>>();
    for (const r of routes) if (r.body) byName.set(r.body.name, (byName.get(r.body.name) ?? new Set()).add(r.body));
    expect([...byName].filter(([, classes]) => classes.size > 1).map(([n]) => n)).toEqual([]);
  });

  it('accepts in each request body the fields its contract type names, no more, no fewer', () => {
    const contract: Json = JSON.parse(generated.schemas);
    // The contract's name for a body when it is not the DTO's name with `Dto` → `Body`.
    const CONTRACT_BODY: Record<string, string> = { CampaignDto: 'CampaignDatesBody' };
    const fields = (schema: Json): string[] => {
      const own = Object.keys(schema.properties ?? {});
      const inherited = (schema.allOf ?? []).flatMap((s: Json) => (s.$ref ? fields(contract[s.$ref.split('/').pop()]) : fields(s)));
      return [...new Set([...own, ...inherited])].sort();
    };
    const mismatched: string[] = [];
    for (const r of routes.filter((x) => x.body)) {
      const dto = r.body!.name;
      const body = contract[CONTRACT_BODY[dto] ?? dto.replace(/Dto$/, 'Body')];
      if (!body) mismatched.push(`${name(r)}: no contract type for ${dto}`);
      else if (fields(body).join() !== fields(doc.components.schemas[dto]).join()) mismatched.push(`${name(r)}: ${dto} [${fields(doc.components.schemas[dto])}] ≠ [${fields(body)}]`);
    }
    expect(mismatched).toEqual([]);
  });

  it('lints clean under @redocly/cli recommended rules, offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xj-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc, null, 2));
      const cli = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
      const run = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'], {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        maxBuffer: 32 * 1024 * 1024,
      }).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? '' }));
      const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
      const problems = report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
