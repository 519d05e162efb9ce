import {
  applyDeskSettingsPatch,
  DEFAULT_DESK_SETTINGS,
  type DeskAccess,
  type DeskSettings,
} from '@helpdesk/shared/domain';
import { BadRequestException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { SettingsRepository } from './settings.repository';

/**
 * How long an instance trusts the settings it read. A change made on this instance is seen at
 * once; one made on another instance within this time.
 */
const CACHE_MS = 1000;

@Injectable()
export class SettingsService {
  private cached?: { settings: Promise<DeskSettings>; until: number };

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: SettingsRepository,
  ) {}

  get(): Promise<DeskSettings> {
    const now = Date.now();
    if (!this.cached || this.cached.until < now) {
      const settings = this.repository.read().then(withDefaults);
      this.cached = { settings, until: now + CACHE_MS };
      settings.catch(() => (this.cached = undefined));
    }
    return this.cached.settings;
  }

  async access(): Promise<DeskAccess> {
    return { agentsSeeUnassigned: (await this.get()).assignment.agentsSeeUnassigned };
  }

  /** The settings as stored now, the row locked until the transaction ends. */
  async getLocked(manager: EntityManager): Promise<DeskSettings> {
    return withDefaults(await this.repository.readLocked(manager));
  }

  async update(patch: unknown): Promise<DeskSettings> {
    const settings = await this.transactions.run(async (manager) => {
      const result = applyDeskSettingsPatch(await this.getLocked(manager), patch);
      if ('errors' in result) throw new BadRequestException(result.errors);
      await this.repository.write(manager, result.settings);
      return result.settings;
    });
    this.cached = undefined;
    return settings;
  }
}

/** Stored settings over the defaults: a setting added later starts at its default. */
function withDefaults(stored: unknown): DeskSettings {
  const result = applyDeskSettingsPatch(DEFAULT_DESK_SETTINGS, stored);
  return 'settings' in result ? result.settings : DEFAULT_DESK_SETTINGS;
}
