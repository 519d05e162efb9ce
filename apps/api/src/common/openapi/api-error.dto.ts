import type { ApiError } from '@helpdesk/shared/domain';
import { ApiProperty } from '@nestjs/swagger';

/** The one shape of every error answer (`HttpExceptionFilter`). */
export class ApiErrorDto implements ApiError {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: ['subject must be shorter than or equal to 200 characters'],
  })
  message!: string | string[];
}
