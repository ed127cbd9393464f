import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
// class-transformer ships the storage's types apart from its CommonJS build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { IOptions } from 'class-validator-jsonschema/build/options';
import { PHONE_LENGTH } from '@xianjie/contract';
import type { DocSpec } from '../common/doc';
import contractSchemas from './contract-schemas.json';
import { ERROR_RESPONSES } from './errors';
import { Route, routesOf } from './routes';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- OpenAPI is untyped JSON here

export const API_PREFIX_PATH = '/api/v1';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Tag per controller: English names (SDK generators make classes of them), Chinese descriptions. */
export const TAGS: Record<string, { name: string; description: string }> = {
  HealthController: { name: 'health', description: '存活与就绪检查' },
  AuthController: { name: 'auth', description: '登录、修改密码、忘记密码、绑定微信' },
  MeController: { name: 'me', description: '本人资料与手机号' },
  DestinationsController: { name: 'destinations', description: '去向预填：毕业生填报，学校查看' },
  OrgsController: { name: 'orgs', description: '组织树与组织搜索（选择接收组织）' },
  MembersController: { name: 'members', description: '团员名册（脱敏）、团员卡片、重置密码' },
  TransfersController: { name: 'transfers', description: '组织关系接转：发起、审批、退回、撤回、分配团支部、修改申请、发起转入' },
  MemberTransfersController: { name: 'transfers', description: '' },
  GraduationController: { name: 'graduation', description: '标记团支部毕业时间、删除已毕业团支部' },
  StatisticsController: { name: 'statistics', description: '年度统计表与报送' },
  ProgressController: { name: 'progress', description: '衔接工作时间节点、进度、未发起名单' },
  RetentionController: { name: 'retention', description: '保留台账' },
  RemindersController: { name: 'reminders', description: '提醒链接' },
  RequestsController: { name: 'requests', description: '向上级提出的请求：乡镇街道团委标记更正、非团员记录删除' },
  ImportsController: { name: 'imports', description: '导入组织、团员、管理员（JSON 或 .xlsx）' },
};

/**
 * The OpenAPI 3.1 document: Nest lists the operations; each route's `@Doc` gives summary, response
 * and errors; request schemas come from the DTOs' class-validator rules (what is really enforced),
 * response schemas from @xianjie/contract (contract-schemas.json, `npm run openapi`).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('衔接 Xianjie API')
    .setDescription(
      '团员组织关系学社衔接（毕业生团组织关系转接）的接口。除标注为公开的接口外，均需在 `Authorization: Bearer <token>` 中携带 ' +
        '`POST /api/v1/auth/login` 返回的令牌。所有错误均以 `{ code, message }` 返回，`message` 为可直接展示的中文。',
    )
    .setVersion('1')
    .setLicense('Proprietary', 'https://github.com/')
    .addServer('/', '本服务')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '登录返回的令牌' }, 'bearer')
    .build();
  const seenTags = new Map<string, string>();
  for (const t of Object.values(TAGS)) if (t.description && !seenTags.has(t.name)) seenTags.set(t.name, t.description);
  config.tags = [...seenTags].map(([name, description]) => ({ name, description }));

  const doc = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}_${method}`,
    autoTagControllers: false,
  });
  const dtoSchemas = validationMetadatasToSchemas(DTO_SCHEMA_OPTIONS) as Json;
  const schemas: Json = { ...dtoSchemas, ...(contractSchemas as Json) };
  for (const route of routesOf(app.get(ModulesContainer))) {
    const op = doc.paths[`${API_PREFIX_PATH}${route.path.replace(/:(\w+)/g, '{$1}')}`]?.[route.verb.toLowerCase() as 'get'];
    if (op && route.doc) describe(op as Json, route, route.doc);
  }
  doc.components = { ...doc.components, schemas: reachable(doc, schemas) };
  return doc;
}

const DTO_SCHEMA_OPTIONS: Partial<IOptions> = {
  refPointerPrefix: '#/components/schemas/',
  classTransformerMetadataStorage: defaultMetadataStorage,
  // Our own ValidateBy rules, which the converter cannot know. The mobile rule itself lives in
  // libs/rules (isValidMobile); the document describes it rather than copying its expression.
  additionalConverters: {
    isCalendarDate: () => ({ type: 'string', format: 'date' }),
    isMobile: () => ({ type: 'string', minLength: PHONE_LENGTH, maxLength: PHONE_LENGTH, description: '大陆手机号：11 位数字，13–19 开头' }),
  },
};

function describe(op: Json, route: Route, spec: DocSpec): void {
  const tag = TAGS[route.controller];
  Object.assign(op, { summary: spec.summary, tags: tag ? [tag.name] : op.tags, security: route.isPublic ? [] : [{ bearer: [] }] });
  if (spec.description) op.description = spec.description;
  // By class, not by name: two features each have a YearQueryDto, and the by-name table merges them.
  if (route.query) op.parameters = [...(op.parameters ?? []).filter((p: Json) => p.in !== 'query'), ...queryParameters(targetConstructorToSchema(route.query, DTO_SCHEMA_OPTIONS))];
  for (const p of op.parameters ?? []) if (p.in === 'path' && !p.description) p.description = '编号';
  if (route.body && spec.example !== undefined) op.requestBody.content['application/json'].example = spec.example;

  const [status] = Object.keys(op.responses).filter((s) => s.startsWith('2'));
  op.responses = { [status]: success(spec), ...errors(route, spec) };
}

function success(spec: DocSpec): Json {
  if (spec.response === null) return { description: '成功，无返回内容' };
  if (spec.response === 'xlsx') return { description: '成功：Excel 工作簿', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } };
  const [, name, suffix] = /^(\w+)(\[\]| \| null)?$/.exec(spec.response) ?? [];
  const schema = suffix === '[]' ? { type: 'array', items: ref(name) } : suffix ? { oneOf: [ref(name), { type: 'null' }] } : ref(name);
  const content: Json = { 'application/json': spec.responseExample === undefined ? { schema } : { schema, example: spec.responseExample } };
  if (spec.xlsx) content[XLSX] = { schema: { type: 'string', format: 'binary' } };
  const out: Json = { description: spec.xlsx ? '成功：JSON，或 `format=xlsx` 时为 Excel 工作簿' : '成功', content };
  if (spec.totalCount) out.headers = { 'X-Total-Count': { description: '符合条件的总条数（本页之外）', schema: { type: 'integer', minimum: 0 } } };
  return out;
}

function errors(route: Route, spec: DocSpec): Json {
  const statuses = new Set<number>(spec.errors ?? []);
  if (!route.isPublic) [401, 403].forEach((s) => statuses.add(s));
  if (route.body || route.query) statuses.add(400);
  if (route.body) statuses.add(413);
  if (!spec.noDatabase) statuses.add(503);
  return Object.fromEntries(
    [...statuses].sort((a, b) => a - b).map((s) => {
      const { description, example } = ERROR_RESPONSES[s];
      return [String(s), { description, content: { 'application/json': { schema: ref('ErrorBody'), example } } }];
    }),
  );
}

/** A query DTO's properties as `in: query` parameters (Nest lists none for a class without @ApiProperty). */
function queryParameters(schema: Json): Json[] {
  const required = new Set<string>(schema.required ?? []);
  return Object.entries<Json>(schema.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: required.has(name), schema: s }));
}

/** Only the schemas the operations reach (directly or through other schemas). */
function reachable(doc: OpenAPIObject, schemas: Json): Json {
  const keep = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === '$ref' && typeof v === 'string') {
          const name = v.replace('#/components/schemas/', '');
          if (!keep.has(name) && schemas[name]) {
            keep.add(name);
            visit(schemas[name]);
          }
        } else visit(v);
      }
    }
  };
  visit(doc.paths);
  return Object.fromEntries([...keep].sort().map((n) => [n, schemas[n]]));
}
