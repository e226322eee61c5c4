import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ApiErrors, commonError, CommonErrorCode, Public } from '@app/kernel';
import { ScreeningCoverageReader } from '@app/kyc';

class HealthView {
  @ApiProperty({ example: 'ok' }) status: 'ok';
}

class HealthReadinessView extends HealthView {
  @ApiProperty({
    example: { database: 'up', screeningLists: 'loaded' },
    description: '`screeningLists: none_loaded`: no sanctions list is loaded, so screening clears nobody (every KYC submission waits for a reviewer); the service stays ready, but says so.',
  })
  checks: { database: 'up'; screeningLists: 'loaded' | 'none_loaded' };
}

@ApiTags('operations')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
@Public()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly screening: ScreeningCoverageReader,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @ApiOkResponse({ type: HealthView })
  live(): HealthView {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers (and whether any sanctions list is loaded)' })
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
    return { status: 'ok', checks: { database: 'up', screeningLists: (await this.screening.anyLoaded()) ? 'loaded' : 'none_loaded' } };
  }
}
