import {
  builtInViews,
  parseViewQuery,
  type SavedView,
  type SessionUser,
} from '@helpdesk/shared/domain';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { ApiValidationPipe } from '../../common/api-validation.pipe';
import { SettingsService } from '../settings/settings.service';
import { TicketListQueryDto } from '../tickets/dto/ticket-requests.dto';
import { TicketsService } from '../tickets/tickets.service';
import type { CreateViewDto } from './dto/saved-view.dto';
import { SavedViewsRepository } from './saved-views.repository';

type ViewDefinition = Omit<SavedView, 'count' | 'countCapped'>;

/**
 * Saved views: a name for a list's query string. Built-in ones come from the shared domain;
 * each view's count is the list's own, within the caller's sight, capped like search totals.
 */
@Injectable()
export class ViewsService {
  /** The very validation `GET /api/tickets` applies to its query. */
  private readonly validation = new ApiValidationPipe();

  constructor(
    private readonly views: SavedViewsRepository,
    private readonly tickets: TicketsService,
    private readonly settings: SettingsService,
  ) {}

  async list(actor: SessionUser): Promise<SavedView[]> {
    const [desk, own] = await Promise.all([this.settings.access(), this.views.listFor(actor.id)]);
    const definitions: ViewDefinition[] = [
      ...builtInViews(actor, desk).map((view) => ({ ...view, builtIn: true })),
      ...own.map((view) => ({ id: view.id, name: view.name, query: view.query, builtIn: false })),
    ];
    return Promise.all(definitions.map((view) => this.counted(actor, view)));
  }

  async create(actor: SessionUser, dto: CreateViewDto): Promise<SavedView> {
    const query = dto.query.replace(/^\?/, '');
    await this.listQuery(query);
    const id = await this.views.insert({ userId: actor.id, name: dto.name, query });
    return this.counted(actor, { id, name: dto.name, query, builtIn: false });
  }

  async remove(actor: SessionUser, id: number): Promise<void> {
    if (!(await this.views.deleteOwn(actor.id, id))) {
      throw new NotFoundException('View not found');
    }
  }

  /**
   * A built-in view whose filter this API does not know reads 0 rather than failing the
   * whole list (it counts once the filter exists).
   */
  private async counted(actor: SessionUser, view: ViewDefinition): Promise<SavedView> {
    let query: TicketListQueryDto;
    try {
      query = await this.listQuery(view.query);
    } catch (error) {
      if (error instanceof BadRequestException) return { ...view, count: 0, countCapped: false };
      throw error;
    }
    const { total, totalCapped } = await this.tickets.countCapped(actor, query);
    return { ...view, count: total, countCapped: totalCapped };
  }

  /** The query string as the list reads it; 400 with the list's own messages when invalid. */
  private async listQuery(query: string): Promise<TicketListQueryDto> {
    return (await this.validation.transform(parseViewQuery(query), {
      type: 'query',
      metatype: TicketListQueryDto,
    })) as TicketListQueryDto;
  }
}
