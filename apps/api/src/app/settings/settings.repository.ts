import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowLock } from '../../database/engine';
import { DeskSettingsEntity } from './desk-settings.entity';

const SETTINGS_ROW = 1;

@Injectable()
export class SettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(): Promise<unknown> {
    const row = await this.dataSource.manager.findOneBy(DeskSettingsEntity, { id: SETTINGS_ROW });
    return row?.data ?? {};
  }

  /**
   * Inside a transaction, locked until it ends: changes to the settings, and automatic
   * assignments across instances (which take their turn on this row), happen one at a time.
   */
  async readLocked(manager: EntityManager): Promise<unknown> {
    const row = await manager.findOne(DeskSettingsEntity, {
      where: { id: SETTINGS_ROW },
      lock: rowLock(manager),
    });
    return row?.data ?? {};
  }

  async write(manager: EntityManager, data: object): Promise<void> {
    await manager.update(DeskSettingsEntity, { id: SETTINGS_ROW }, { data, updatedAt: new Date() });
  }
}
