import {
  type CreateViewRequest,
  type SavedView,
  VIEW_NAME_MAX_LENGTH,
  VIEW_QUERY_MAX_LENGTH,
} from '@helpdesk/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateViewDto implements CreateViewRequest {
  @ApiProperty({ minLength: 1, maxLength: VIEW_NAME_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @Length(1, VIEW_NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({
    maxLength: VIEW_QUERY_MAX_LENGTH,
    description: "The list's query string, e.g. `status=open&priority=urgent&tag=vpn`",
  })
  @Transform(trim)
  @IsString()
  @MaxLength(VIEW_QUERY_MAX_LENGTH)
  query!: string;
}

export class SavedViewDto implements SavedView {
  @ApiProperty({
    oneOf: [{ type: 'integer' }, { type: 'string' }],
    description: 'A number for your own views; a name such as `my-open` for built-in ones',
  })
  id!: number | string;
  @ApiProperty() name!: string;
  @ApiProperty() query!: string;
  @ApiProperty() builtIn!: boolean;
  @ApiProperty({ description: 'Tickets of the list you can see, up to 1,000' }) count!: number;
  @ApiProperty({ description: 'More than 1,000 match: `count` is 1,000' }) countCapped!: boolean;
}
