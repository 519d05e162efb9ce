import type { Attachment } from '@helpdesk/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { PersonRefDto } from '../../tickets/dto/ticket.dto';

export class AttachmentDto implements Attachment {
  @ApiProperty() id!: number;
  @ApiProperty() filename!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty() contentType!: string;
  @ApiProperty({ type: PersonRefDto }) uploadedBy!: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AttachmentUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'At most 16 MiB' })
  file!: unknown;
}
