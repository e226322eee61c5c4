import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { Role } from '../context/request-context';
import type { RequestContext } from '../context/request-context';
import { CommonErrorCode } from '../errors/common-errors';
import { errorSpec } from '../errors/registry';
import { ErrorEnvelopeDto } from './error-envelope.dto';

export const IS_PUBLIC = 'ltg:isPublic';
export const ROLES = 'ltg:roles';
export const CONSUMES = 'ltg:consumes';

/** Marks a route (or controller) as callable without an access token. Everything else needs one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route (or controller) to roles; the caller must hold one of them. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiBearerAuth(),
    ApiErrors(CommonErrorCode.UNAUTHENTICATED, CommonErrorCode.FORBIDDEN),
  );

/** Media types a route accepts for its body (default: application/json). */
export const Consumes = (...types: string[]) => SetMetadata(CONSUMES, types);

/** The request context built at the edge (who, which language, which request id). */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  const req = host.switchToHttp().getRequest<Request & { ctx: RequestContext }>();
  return req.ctx;
});

/** Documents the error codes a route can answer with, grouped by HTTP status, in the envelope schema. */
export function ApiErrors(...codes: string[]) {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const { status } = errorSpec(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return applyDecorators(
    ...[...byStatus.entries()].map(([status, list]) =>
      ApiResponse({ status, type: ErrorEnvelopeDto, description: `Error codes: ${list.join(', ')}` }),
    ),
  );
}
