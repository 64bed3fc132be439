import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';

export interface NestRoute {
  /** e.g. "GET /api/tasks/{id}", as the OpenAPI document names it */
  key: string;
  handler: () => unknown;
  controller: () => unknown;
  /** the properties of the route's @Query() DTO (the document does not list them) */
  queryFields: string[];
}

/** Every route Nest serves, read from the controllers' metadata (not from the document). */
export function nestRoutes(app: INestApplication): NestRoute[] {
  const routes: NestRoute[] = [];
  const scanner = new MetadataScanner();
  for (const wrapper of [...app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()])) {
    if (!wrapper.instance) continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) ?? '');
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as () => unknown;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (sub === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const path = `/api/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}').replace(/\/$/, '');
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, wrapper.metatype as object, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
      const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as (new () => unknown)[];
      const queryFields: string[] = [];
      for (const [key, arg] of Object.entries(args)) {
        if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY) continue;
        if (typeof arg.data === 'string') queryFields.push(arg.data);
        else if (types[arg.index]) {
          const metas = getMetadataStorage().getTargetValidationMetadatas(types[arg.index], '', true, false);
          queryFields.push(...new Set(metas.map((m) => m.propertyName)));
        }
      }
      routes.push({ key: `${method} ${path}`, handler, controller: wrapper.metatype as () => unknown, queryFields: [...new Set(queryFields)] });
    }
  }
  return routes;
}
