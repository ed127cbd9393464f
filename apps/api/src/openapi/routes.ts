import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC } from '../auth/actor';
import { DOC_METADATA, DocSpec } from '../common/doc';

const VERBS: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'GET', [RequestMethod.POST]: 'POST', [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH', [RequestMethod.DELETE]: 'DELETE',
};

export interface Route {
  verb: string;
  /** Without the global prefix, Nest's spelling: `/transfers/:id`. */
  path: string;
  controller: string;
  method: string;
  doc?: DocSpec;
  isPublic: boolean;
  /** The class of the `@Body()` / `@Query()` parameter, when it is a DTO. */
  body?: Function;
  query?: Function;
}

/** Every handler of every controller the app has, from Nest's own metadata (as the access matrix reads them). */
export function routesOf(modules: ModulesContainer): Route[] {
  const routes: Route[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...a: unknown[]) => unknown) | null;
      if (!type) continue;
      const bases = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) continue;
        const verb = VERBS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        if (!verb) continue;
        const args = inputs(type, name);
        const isPublic = Reflect.getMetadata(IS_PUBLIC, handler) === true || Reflect.getMetadata(IS_PUBLIC, type) === true;
        for (const base of bases) {
          for (const p of ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '')) {
            const path = `/${[base, p].map((s) => s.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
            routes.push({ verb, path, controller: type.name, method: name, doc: Reflect.getMetadata(DOC_METADATA, handler), isPublic, ...args });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.verb}`.localeCompare(`${b.path} ${b.verb}`));
}

/** The DTO classes of a handler's `@Body()` and `@Query()` (absent when the parameter is not a class, e.g. `unknown`). */
function inputs(type: Function, name: string): Pick<Route, 'body' | 'query'> {
  const args: Record<string, { index: number }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {};
  const paramTypes: unknown[] = Reflect.getMetadata('design:paramtypes', type.prototype, name) ?? [];
  const found: Pick<Route, 'body' | 'query'> = {};
  for (const [key, { index }] of Object.entries(args)) {
    const kind = Number(key.split(':')[0]);
    const cls = paramTypes[index];
    if (typeof cls !== 'function' || cls === Object) continue;
    if (kind === RouteParamtypes.BODY) found.body = cls;
    if (kind === RouteParamtypes.QUERY) found.query = cls;
  }
  return found;
}
