import { HISTORY_ACTIONS, type HistoryAction, type HistoryEntry } from '@helpdesk/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { PersonRefDto } from '../../tickets/dto/ticket.dto';

export class HistoryEntryDto implements HistoryEntry {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: HISTORY_ACTIONS, enumName: 'HistoryAction' }) action!: HistoryAction;
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
  @ApiProperty({ description: 'Part of an internal note (agents and admins only)' })
  internal!: boolean;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'null: the desk itself' })
  actor!: PersonRefDto | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
