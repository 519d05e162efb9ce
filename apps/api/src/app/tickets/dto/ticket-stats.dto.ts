import type {
  DailyTicketActivity,
  Priority,
  TicketCounts,
  TicketStatus,
} from '@helpdesk/shared/domain';
import { ApiProperty } from '@nestjs/swagger';

export class TicketCountsDto implements TicketCounts {
  @ApiProperty({ example: { open: 3, in_progress: 1, resolved: 0, closed: 7 } })
  byStatus!: Record<TicketStatus, number>;

  @ApiProperty({ example: { low: 1, medium: 6, high: 3, urgent: 1 } })
  byPriority!: Record<Priority, number>;
}

export class DailyTicketActivityDto implements DailyTicketActivity {
  @ApiProperty({ example: '2026-11-24' }) day!: string;
  @ApiProperty() opened!: number;
  @ApiProperty() resolved!: number;
}
