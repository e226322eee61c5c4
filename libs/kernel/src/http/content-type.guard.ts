import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { commonError, CommonErrorCode } from '../errors/common-errors';
import { CONSUMES } from './decorators';

/** A request that carries a body must send it in a media type the route accepts (JSON by default): else 415. */
@Injectable()
export class ContentTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const length = Number(req.headers['content-length'] ?? 0);
    const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
    if (!hasBody) return true;
    const accepted = this.reflector.getAllAndOverride<string[]>(CONSUMES, [context.getHandler(), context.getClass()]) ?? [
      'application/json',
    ];
    if (req.is(accepted)) return true;
    throw commonError(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, { expected: accepted.join(', ') });
  }
}
