import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import { ListOf, Omittable } from '@app/kernel';

export class ImageAltDto {
  @ApiProperty({ example: 'it', description: 'BCP 47 content locale' })
  @IsString()
  @MaxLength(35)
  locale: string;

  @ApiProperty({ example: 'Abito blu in cotone', description: `1–${250} characters` })
  @IsString()
  @MaxLength(1000)
  text: string;
}

export class UpdateImageDto {
  @ApiPropertyOptional({ example: 1, description: 'Move the image to this place (1 = main image); the others shift' })
  @Omittable()
  @IsInt()
  @Min(1)
  position?: number;

  @ApiPropertyOptional({ type: [ImageAltDto], description: 'Replaces every alt text of the image (an empty list removes them)' })
  @Omittable()
  @ListOf(() => ImageAltDto, 100)
  alt?: ImageAltDto[];
}
