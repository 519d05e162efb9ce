import type { DeskReport, DurationFigures, ReportQuery } from '@helpdesk/shared/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Omittable } from '../../../common/request-fields';
import { PersonRefDto } from '../../tickets/dto/ticket.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReportQueryDto implements ReportQuery {
  @ApiProperty({ example: '2026-11-01', description: 'First day, in `tz`' })
  @Matches(DATE, { message: 'from must be a date as YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-11-30', description: 'Last day (inclusive), in `tz`' })
  @Matches(DATE, { message: 'to must be a date as YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ type: String, example: 'Europe/Berlin', default: 'UTC' })
  @Omittable()
  @IsString()
  @MaxLength(64)
  tz = 'UTC';
}

class DurationFiguresDto implements DurationFigures {
  @ApiProperty({ type: Number, nullable: true }) medianMinutes!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90Minutes!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '0–100' }) metPercent!: number | null;
}

class BacklogDto {
  @ApiProperty() open!: number;
  @ApiProperty() inProgress!: number;
}

class StarsDto {
  @ApiProperty({ name: '1' }) '1'!: number;
  @ApiProperty({ name: '2' }) '2'!: number;
  @ApiProperty({ name: '3' }) '3'!: number;
  @ApiProperty({ name: '4' }) '4'!: number;
  @ApiProperty({ name: '5' }) '5'!: number;
}

class CsatDto {
  @ApiProperty({ type: Number, nullable: true }) average!: number | null;
  @ApiProperty() count!: number;
  @ApiProperty({ type: StarsDto }) distribution!: StarsDto;
  @ApiProperty({ type: Number, nullable: true }) satisfiedPercent!: number | null;
}

class AgentFiguresDto {
  @ApiProperty({ type: PersonRefDto }) agent!: PersonRefDto;
  @ApiProperty() assigned!: number;
  @ApiProperty() resolved!: number;
  @ApiProperty({ type: Number, nullable: true }) medianFirstResponseMinutes!: number | null;
  @ApiProperty({ type: Number, nullable: true }) csatAverage!: number | null;
}

class DayDto {
  @ApiProperty({ example: '2026-11-24' }) date!: string;
  @ApiProperty() created!: number;
  @ApiProperty() resolved!: number;
  @ApiProperty({ description: 'Open tickets at the end of the day' }) backlog!: number;
}

export class DeskReportDto implements DeskReport {
  @ApiProperty() created!: number;
  @ApiProperty() resolved!: number;
  @ApiProperty({ type: BacklogDto }) backlog!: BacklogDto;
  @ApiProperty({ type: DurationFiguresDto }) firstResponse!: DurationFiguresDto;
  @ApiProperty({ type: DurationFiguresDto }) resolution!: DurationFiguresDto;
  @ApiProperty({ type: CsatDto }) csat!: CsatDto;
  @ApiProperty({ type: [AgentFiguresDto] }) perAgent!: AgentFiguresDto[];
  @ApiProperty({ type: [DayDto] }) daily!: DayDto[];
}
