import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_POLICY_KEY } from '@luoshi/server/platform';
import { useTestApp } from './test-app';

describe('Access policy on every route', () => {
  const t = useTestApp();

  it('declares @Public, @Authenticated or @AllowRoles on every route of the application', () => {
    const modules = t.app.get(ModulesContainer);
    const scanner = new MetadataScanner();
    const reflector = t.app.get(Reflector);
    const routes: string[] = [];
    const missing: string[] = [];
    const controllers = [...modules.values()].flatMap((m) => [...m.controllers.values()]);
    for (const wrapper of controllers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const route = `${method} ${wrapper.name}.${name}`;
        routes.push(route);
        const policy = reflector.getAllAndOverride(ACCESS_POLICY_KEY, [handler, wrapper.metatype as () => unknown]);
        if (!policy) missing.push(route);
      }
    }
    expect(routes.length).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});
