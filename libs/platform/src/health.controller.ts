import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ApiErrors, commonError, CommonErrorCode, Public } from '@app/kernel';

class HealthView {
  @ApiProperty({ example: 'ok' }) status: 'ok';
}

class HealthReadinessView extends HealthView {
  @ApiProperty({ example: { database: 'up' } }) checks: { database: 'up' };
}

@ApiTags('operations')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
@Public()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @ApiOkResponse({ type: HealthView })
  live(): HealthView {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers' })
  @ApiOkResponse({ type: HealthReadinessView })
  @ApiErrors(CommonErrorCode.SERVICE_UNAVAILABLE)
  async ready(): Promise<HealthReadinessView> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
    } catch {
      throw commonError(CommonErrorCode.SERVICE_UNAVAILABLE);
    }
    return { status: 'ok', checks: { database: 'up' } };
  }
}
