import {
  ASSIGNMENT_MODES,
  type AssignmentMode,
  type BusinessHours,
  type DeskSettings,
  type SlaTarget,
} from '@helpdesk/shared/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class AssignmentSettingsDto {
  @ApiProperty({ enum: ASSIGNMENT_MODES, enumName: 'AssignmentMode' }) mode!: AssignmentMode;
  @ApiProperty() agentsSeeUnassigned!: boolean;
}

class BusinessHoursDto implements BusinessHours {
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA zone or an offset like +02:00' })
  timezone!: string;
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: '1 = Monday … 7 = Sunday' })
  days!: number[];
  @ApiProperty({ example: '09:00' }) start!: string;
  @ApiProperty({ example: '17:00' }) end!: string;
}

class SlaTargetDto implements SlaTarget {
  @ApiProperty({ minimum: 0 }) firstResponseMinutes!: number;
  @ApiProperty({ minimum: 0 }) resolutionMinutes!: number;
}

class SlaTargetsDto {
  @ApiProperty({ type: SlaTargetDto }) urgent!: SlaTargetDto;
  @ApiProperty({ type: SlaTargetDto }) high!: SlaTargetDto;
  @ApiProperty({ type: SlaTargetDto }) medium!: SlaTargetDto;
  @ApiProperty({ type: SlaTargetDto }) low!: SlaTargetDto;
}

class SlaSettingsDto {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: BusinessHoursDto, nullable: true }) businessHours!: BusinessHoursDto | null;
  @ApiProperty({ type: SlaTargetsDto }) targets!: SlaTargetsDto;
}

class CsatSettingsDto {
  @ApiProperty() reopenOnLowRating!: boolean;
}

export class DeskSettingsDto implements DeskSettings {
  @ApiProperty({ type: AssignmentSettingsDto }) assignment!: AssignmentSettingsDto;
  @ApiProperty({ type: SlaSettingsDto }) sla!: SlaSettingsDto;
  @ApiProperty({ type: CsatSettingsDto }) csat!: CsatSettingsDto;
}

/** The same shape, every part optional: only what is sent changes. */
export class DeskSettingsPatchDto {
  @ApiPropertyOptional({ type: AssignmentSettingsDto }) assignment?: Partial<AssignmentSettingsDto>;
  @ApiPropertyOptional({ type: SlaSettingsDto }) sla?: Partial<SlaSettingsDto>;
  @ApiPropertyOptional({ type: CsatSettingsDto }) csat?: Partial<CsatSettingsDto>;
}
