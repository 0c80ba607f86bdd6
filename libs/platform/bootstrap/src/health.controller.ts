import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from './public.decorator';
import { READINESS_CHECKS, type ReadinessCheck } from './tokens';

@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Public()
  @Get('health')
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const results = await Promise.all(
      this.checks.map(async (dependency) => {
        try {
          await dependency.check();
          return { name: dependency.name, status: 'ok' as const };
        } catch (error) {
          return { name: dependency.name, status: 'failing' as const, message: (error as Error).message };
        }
      }),
    );
    const ready = results.every((result) => result.status === 'ok');
    reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', checks: results };
  }
}
