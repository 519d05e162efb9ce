import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SavedViewEntity } from './saved-view.entity';

export type SavedViewRow = Pick<SavedViewEntity, 'id' | 'name' | 'query'>;

/** Every query of the saved_views table. */
@Injectable()
export class SavedViewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A person's own views, oldest first. */
  listFor(userId: number): Promise<SavedViewRow[]> {
    return this.dataSource.manager.find(SavedViewEntity, {
      select: { id: true, name: true, query: true },
      where: { userId },
      order: { id: 'ASC' },
    });
  }

  async insert(view: Pick<SavedViewEntity, 'userId' | 'name' | 'query'>): Promise<number> {
    const { identifiers } = await this.dataSource.manager.insert(SavedViewEntity, {
      ...view,
      createdAt: new Date(),
    });
    return identifiers[0]?.['id'] as number;
  }

  /** Whether a view of this person's was there to delete. */
  async deleteOwn(userId: number, id: number): Promise<boolean> {
    const { affected } = await this.dataSource.manager.delete(SavedViewEntity, { id, userId });
    return (affected ?? 0) > 0;
  }
}
