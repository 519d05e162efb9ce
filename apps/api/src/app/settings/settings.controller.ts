import {
  canChangeDeskSettings,
  canReadDeskSettings,
  type DeskSettings,
} from '@helpdesk/shared/domain';
import { Body, Controller, Get, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePermission } from '../../common/decorators';
import { DeskSettingsDto, DeskSettingsPatchDto } from './dto/desk-settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@ApiCookieAuth()
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @RequirePermission(canReadDeskSettings)
  @ApiOkResponse({ type: DeskSettingsDto })
  @ApiForbiddenResponse({ description: 'Agents and admins only' })
  get(): Promise<DeskSettings> {
    return this.settings.get();
  }

  /** Validated by the shared `applyDeskSettingsPatch`, which the settings page uses too. */
  @Patch()
  @RequirePermission(canChangeDeskSettings)
  @ApiBody({ type: DeskSettingsPatchDto, description: 'Any part of the settings, at any depth' })
  @ApiOkResponse({ type: DeskSettingsDto })
  @ApiBadRequestResponse({ description: 'Unknown keys, wrong types, bad time zone or hours' })
  @ApiForbiddenResponse({ description: 'Admins only' })
  update(@Body() patch: Record<string, unknown>): Promise<DeskSettings> {
    return this.settings.update(patch);
  }
}
