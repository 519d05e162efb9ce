import {
  applyDeskSettingsPatch,
  DEFAULT_DESK_SETTINGS,
  type DeskAccess,
  type DeskSettings,
} from '@helpdesk/shared/domain';
import {
  BadRequestException,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { SettingsRepository } from './settings.repository';

/** How often an instance reads the settings again: a change made elsewhere is seen by then. */
const REFRESH_MS = 1000;

/**
 * The desk's settings, kept in memory and read again every second in the background. Readers
 * never wait for the database, so a request can ask for them inside its transaction without
 * needing a second connection from the pool (under load, that wait could starve the pool).
 * A change made on this instance is seen at once.
 */
@Injectable()
export class SettingsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Settings');
  private current?: Promise<DeskSettings>;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: SettingsRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  get(): Promise<DeskSettings> {
    this.current ??= this.load();
    return this.current;
  }

  async access(): Promise<DeskAccess> {
    return { agentsSeeUnassigned: (await this.get()).assignment.agentsSeeUnassigned };
  }

  /** The settings as stored now, read on the caller's connection, the row locked until it ends. */
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
    this.current = Promise.resolve(settings);
    return settings;
  }

  private async refresh(): Promise<void> {
    try {
      const settings = await this.load();
      this.current = Promise.resolve(settings);
    } catch (error) {
      this.logger.warn(`Reading the desk settings failed: ${String(error)}`);
    }
  }

  private async load(): Promise<DeskSettings> {
    return withDefaults(await this.repository.read());
  }
}

/** Stored settings over the defaults: a setting added later starts at its default. */
function withDefaults(stored: unknown): DeskSettings {
  const result = applyDeskSettingsPatch(DEFAULT_DESK_SETTINGS, stored);
  return 'settings' in result ? result.settings : DEFAULT_DESK_SETTINGS;
}
