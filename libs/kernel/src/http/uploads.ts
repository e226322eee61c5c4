import { BadRequestException, CallHandler, ExecutionContext, Inject, mixin, NestInterceptor, PayloadTooLargeException, SetMetadata } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';

/** The largest file a multipart route takes and how many files (for the 413 and the declared-length check). */
export const UPLOAD_LIMIT = 'kernel:uploadLimit';
export const UploadLimit = (bytes: number, files = 1) => SetMetadata(UPLOAD_LIMIT, { bytes, files });
/** Room in a multipart body for boundaries, part headers and the small text fields beside the files. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** Why multer refused a multipart body, as the detail codes the API documents. */
export const UPLOAD_PROBLEMS = ['TOO_MANY_FILES', 'UNEXPECTED_FILE', 'TOO_MANY_FIELDS', 'FIELD_TOO_LONG', 'MALFORMED'] as const;
export type UploadProblem = (typeof UPLOAD_PROBLEMS)[number];

const MULTER_PROBLEM: Record<string, UploadProblem> = {
  LIMIT_FILE_COUNT: 'TOO_MANY_FILES',
  LIMIT_UNEXPECTED_FILE: 'UNEXPECTED_FILE',
  LIMIT_FIELD_COUNT: 'TOO_MANY_FIELDS',
  LIMIT_PART_COUNT: 'TOO_MANY_FIELDS',
  LIMIT_FIELD_KEY: 'FIELD_TOO_LONG',
  LIMIT_FIELD_VALUE: 'FIELD_TOO_LONG',
};

/** How a context names upload failures in its own error codes. */
export interface UploadErrors {
  tooLarge(limit: number): Error;
  /** `field` is echoed only when it is a plain name (it comes from the client), else ''. */
  rejected(problem: UploadProblem, field: string): Error;
}

/**
 * One upload edge for every context (KYC documents, screening lists, FX files, catalog imports): a
 * declared body larger than the files the route may carry is refused before a byte is read, with the
 * connection closed (multer would wait for a body that may never come); multer's limits become the
 * context's codes (a file over the size 413, any other limit or a broken body 400 with one detail).
 * The route's limit comes from `@UploadLimit`, else `defaultLimit(config)`. Use it BEFORE the multer
 * interceptor: `@UseInterceptors(KycUploads, FileInterceptor('file'))`.
 */
export function uploadErrorsInterceptor(errors: UploadErrors, defaultLimit: (config: AppConfig) => number): Type<NestInterceptor> {
  class UploadErrorsInterceptor implements NestInterceptor {
    constructor(
      @Inject(APP_CONFIG) private readonly config: AppConfig,
      @Inject(Reflector) private readonly reflector: Reflector,
    ) {}

    intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
      const { bytes: limit, files } = this.reflector.get<{ bytes: number; files: number } | undefined>(UPLOAD_LIMIT, context.getHandler()) ?? {
        bytes: defaultLimit(this.config),
        files: 1,
      };
      const req = context.switchToHttp().getRequest<Request>();
      if (Number(req.headers['content-length'] ?? 0) > limit * files + MULTIPART_OVERHEAD_BYTES) {
        context.switchToHttp().getResponse<Response>().setHeader('Connection', 'close');
        throw errors.tooLarge(limit);
      }
      return next.handle().pipe(
        catchError((e: unknown) => {
          if (e instanceof PayloadTooLargeException) return throwError(() => errors.tooLarge(limit));
          if (e instanceof BadRequestException) {
            const cause = (e.cause ?? {}) as { code?: unknown; field?: unknown };
            const problem: UploadProblem = (typeof cause.code === 'string' && MULTER_PROBLEM[cause.code]) || 'MALFORMED';
            const field = typeof cause.field === 'string' && /^[\w.[\]-]{1,64}$/.test(cause.field) ? cause.field : '';
            return throwError(() => errors.rejected(problem, field));
          }
          return throwError(() => e);
        }),
      );
    }
  }
  return mixin(UploadErrorsInterceptor);
}
