import { RequestMethod } from '@nestjs/common';
import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC_KEY } from './public.decorator';
import type { Role } from './role';
import { ROLES_KEY } from './roles.decorator';

export interface RouteDeclaration {
  method: string;
  /** Controller path + method path, without the global prefix, e.g. `users/:id`. */
  path: string;
  isPublic: boolean;
  roles: Role[] | undefined;
}

function joinPath(...parts: (string | string[] | undefined)[]): string {
  return parts
    .flatMap((part) => (Array.isArray(part) ? part[0] : part) ?? '')
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part.length > 0)
    .join('/');
}

/** Every controller route of the app with its access declaration, read from Nest metadata. */
export function listRoutes(app: INestApplication): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const read = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) as T | undefined) ??
          (Reflect.getMetadata(key, controller) as T | undefined);
        routes.push({
          method: RequestMethod[method],
          path: joinPath(
            Reflect.getMetadata(PATH_METADATA, controller) as string | undefined,
            Reflect.getMetadata(PATH_METADATA, handler) as string | undefined,
          ),
          isPublic: read<boolean>(IS_PUBLIC_KEY) === true,
          roles: read<Role[]>(ROLES_KEY),
        });
      }
    }
  }
  return routes;
}

/** Routes that would be closed by the access guard because they declare nothing. */
export function undeclaredRoutes(app: INestApplication): RouteDeclaration[] {
  return listRoutes(app).filter(
    (route) => !route.isPublic && !(route.roles && route.roles.length > 0),
  );
}
