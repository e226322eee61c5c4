import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class ValidateIdentifierDto {
  @ApiProperty({ example: 'ru.inn' })
  @IsString()
  @MaxLength(40)
  @Matches(/^[a-z][a-z0-9_.-]*$/)
  type: string;

  @ApiProperty({ example: '7707083893' })
  @IsString()
  @MaxLength(256)
  value: string;
}
