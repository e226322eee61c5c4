import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiProperty({ example: 'email', description: 'Dotted path of the input field.' })
  field: string;
  @ApiProperty({ example: 'INVALID_EMAIL', description: 'Stable detail code.' })
  code: string;
  @ApiProperty({ example: 'email must be a valid email address.', description: "Message in the caller's language." })
  message: string;
}

export class ErrorBodyDto {
  @ApiProperty({ example: 'COMMON_VALIDATION_FAILED', description: 'Stable error code; see GET /v1/errors.' })
  code: string;
  @ApiProperty({ example: 'The request is not valid; see the details.', description: "Message in the caller's language (Content-Language)." })
  message: string;
  @ApiProperty({ type: [ErrorDetailDto], maxItems: 100, description: 'One entry per field problem, at most 100.' })
  details: ErrorDetailDto[];
  @ApiPropertyOptional({ example: 240, minimum: 1, description: 'Present when there were more than 100 details: how many more were left out.' })
  omittedDetails?: number;
}

export class ErrorEnvelopeDto {
  @ApiProperty({ type: ErrorBodyDto })
  error: ErrorBodyDto;
  @ApiPropertyOptional({ example: '3f1c1c3e-2b8e-4c1f-9d6a-0b4f3f7f9a11', description: 'Also sent as the X-Request-Id header.' })
  requestId: string;
}
