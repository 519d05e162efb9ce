import { canViewReports } from '@helpdesk/shared/domain';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePermission } from '../../common/decorators';
import { DeskReportDto, ReportQueryDto } from './dto/report.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiCookieAuth()
@ApiForbiddenResponse({ description: 'Admins only' })
@ApiBadRequestResponse({ description: 'Bad dates, a range past a year, or an unknown time zone' })
@RequirePermission(canViewReports)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiOkResponse({ type: DeskReportDto })
  report(@Query() query: ReportQueryDto): Promise<DeskReportDto> {
    return this.reports.report(query);
  }

  @Get('tickets.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One RFC 4180 row per ticket created in the range' })
  csv(@Query() query: ReportQueryDto): StreamableFile {
    return new StreamableFile(this.reports.csv(query), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="tickets-${query.from}-to-${query.to}.csv"`,
    });
  }
}
