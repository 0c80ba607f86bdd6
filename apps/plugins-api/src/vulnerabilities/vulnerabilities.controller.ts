import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@bbws/platform-auth';
import { ApiErrors } from '@bbws/platform-http';
import { ImportReportResponseDto } from './dto/import-report.response.dto';
import { ImportVulnerabilities } from './use-cases/import-vulnerabilities';
import { presentImportReport } from './vulnerabilities.presenter';

/** The Wordfence vulnerability feed import (platform admins; 403 FORBIDDEN for everyone else). */
@ApiTags('admin plugins')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 422)
@Controller('v1.0/admin/plugins/vulnerabilities')
export class VulnerabilitiesController {
  constructor(private readonly imports: ImportVulnerabilities) {}

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import a Wordfence Intelligence v2 vulnerability feed',
    description:
      'The body is the feed itself (records keyed by id, within the 256 KiB body limit) or ' +
      '`{ "uploadId": "upl-..." }` of a VULNERABILITY_FEED upload (POST /v1.0/admin/plugins/uploads), ' +
      'streamed from the artifact store. Replaces the WORDFENCE vulnerabilities of every catalogue ' +
      'version (MANUAL ones stay); the same feed again changes nothing.',
  })
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'object', required: ['uploadId'], properties: { uploadId: { type: 'string' } } },
        { type: 'object', additionalProperties: { type: 'object' }, description: 'Wordfence records by id' },
      ],
    },
  })
  @ApiOkResponse({ type: ImportReportResponseDto })
  async import(@CurrentCaller() caller: Caller, @Body() body: unknown) {
    return presentImportReport(await this.imports.import(caller, body));
  }
}
