import type { OpenAPIObject } from '@nestjs/swagger';

/** Every operation can also answer 500 (and 413/415 when it takes a body), in the same envelope. */
export function decorateOpenApi(document: OpenAPIObject): OpenAPIObject {
  const envelope = { $ref: '#/components/schemas/ErrorEnvelopeDto' };
  const response = (description: string) => ({ description, content: { 'application/json': { schema: envelope } } });
  const schemas = (document.components?.schemas ?? {}) as Record<string, { required?: string[] }>;
  for (const path of Object.values(document.paths)) {
    for (const [method, op] of Object.entries(path) as [string, { responses: Record<string, unknown>; requestBody?: { required?: boolean; content?: Record<string, { schema?: { $ref?: string } }> } }][]) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      // a JSON body whose fields are all optional may be left out (the validation pipe reads it as {})
      const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
      if (op.requestBody && ref && !schemas[ref.split('/').pop()!]?.required?.length) op.requestBody.required = false;
      op.responses['500'] ??= response('Error codes: COMMON_INTERNAL');
      if (['post', 'put', 'patch'].includes(method)) {
        op.responses['400'] ??= response('Error codes: COMMON_MALFORMED_REQUEST, COMMON_VALIDATION_FAILED');
        op.responses['413'] ??= response('Error codes: COMMON_PAYLOAD_TOO_LARGE');
        op.responses['415'] ??= response('Error codes: COMMON_UNSUPPORTED_MEDIA_TYPE');
      }
    }
  }
  return document;
}
