import { type MessageEvent, Controller, Req, Sse } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { LiveUpdatesService } from './live-updates.service';

@ApiTags('live')
@ApiCookieAuth()
@Controller('events')
export class LiveUpdatesController {
  constructor(private readonly live: LiveUpdatesService) {}

  @Sse()
  @ApiOkResponse({
    description:
      'text/event-stream: `ticket-changed` events `{ ticketId }` for tickets the caller may see',
  })
  stream(@Req() request: AuthenticatedRequest): Observable<MessageEvent> {
    return this.live.stream(request.user, request.session.tokenHash);
  }
}
