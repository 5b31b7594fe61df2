import { SetMetadata } from '@nestjs/common';
import type { Role } from './role';
import { ROLES } from './role';

export const ROLES_KEY = 'um:roles';

/** The roles allowed on a route. Scope (department, own records) is then enforced in queries. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

/** Any signed-in user, whatever the role (e.g. `GET /auth/me`). */
export const AnyRole = (): MethodDecorator & ClassDecorator => Roles(...ROLES);

/**
 * Everyone who works with individual employee records: ADMIN, COORDINATOR, SUPERVISOR and
 * EMPLOYEE (never AUDITOR, who reads aggregates only). Scope is then narrowed in the query.
 */
export const RecordRoles = (): MethodDecorator & ClassDecorator =>
  Roles('ADMIN', 'COORDINATOR', 'SUPERVISOR', 'EMPLOYEE');
