import type { SessionUser } from '@helpdesk/shared/domain';
import { Controller, Get, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { CurrentUser } from '../../common/decorators';
import { AttachmentsService } from './attachments.service';
import { AttachmentDto, AttachmentUploadDto } from './dto/attachment.dto';

@ApiTags('attachments')
@ApiCookieAuth()
@ApiNotFoundResponse({ description: 'Missing or not visible to the caller' })
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get('tickets/:ticketId/attachments')
  @ApiOkResponse({ type: [AttachmentDto] })
  list(
    @CurrentUser() user: SessionUser,
    @Param('ticketId', ParseIdPipe) ticketId: number,
  ): Promise<AttachmentDto[]> {
    return this.attachments.list(user, ticketId);
  }

  @Post('tickets/:ticketId/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachmentUploadDto })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiPayloadTooLargeResponse({ description: 'Over 16 MiB' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Type not allowed, judged by content' })
  upload(
    @CurrentUser() user: SessionUser,
    @Param('ticketId', ParseIdPipe) ticketId: number,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentDto> {
    return this.attachments.upload(user, ticketId, request);
  }

  @Get('attachments/:id/content')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The bytes, as a download with the original name' })
  async content(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseIdPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.attachments.content(user, id);
    void reply.header('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.size,
      disposition: contentDisposition(file.filename),
    });
  }
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
