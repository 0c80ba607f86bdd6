import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { InvitationDao, MemberDao } from '@bbws/data-access-tenants';
import { EMAIL_SENDER, type EmailSender } from '@bbws/integrations-email';
import { IDENTITY_DIRECTORY, type IdentityDirectory } from '@bbws/integrations-identity';
import { TenantAccessService } from '@bbws/platform-auth';
import { CLOCK, LOGGER } from '@bbws/platform-bootstrap';
import type { Logger } from '@bbws/shared-logging';
import type { Clock } from '@bbws/shared-util';
import { EventsModule } from '../events/events.module';
import { TenantEventsPublisher } from '../events/tenant-events.publisher';
import {
  ORGANIZATION_CONFIG,
  OrganizationInfrastructureModule,
} from '../config/organization-infrastructure.module';
import type { OrganizationConfig } from '../config/tenants-api.config';
import { OrganizationService } from '../organization/organization.service';
import { FixedWindowLimiter } from './fixed-window.limiter';
import { INVITATION_RATE_LIMITER, InvitationRateLimitGuard } from './invitation-rate-limit.guard';
import { InvitationResponsesService } from './invitation-responses.service';
import { InvitationTokenController } from './invitation-token.controller';
import { InvitationMailer } from './invitation.mailer';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { InvitationTokenRedactionMiddleware } from './token-redaction.middleware';

type Services = [
  InvitationDao,
  MemberDao,
  OrganizationService,
  IdentityDirectory,
  InvitationMailer,
  TenantAccessService,
  Clock,
];
const SERVICE_DEPENDENCIES = [
  InvitationDao,
  MemberDao,
  OrganizationService,
  IDENTITY_DIRECTORY,
  InvitationMailer,
  TenantAccessService,
  CLOCK,
];

@Module({
  imports: [OrganizationInfrastructureModule, EventsModule],
  controllers: [InvitationsController, InvitationTokenController],
  providers: [
    {
      provide: InvitationMailer,
      useFactory: (sender: EmailSender, config: OrganizationConfig, logger: Logger) =>
        new InvitationMailer(sender, config.portalUrl, logger),
      inject: [EMAIL_SENDER, ORGANIZATION_CONFIG, LOGGER],
    },
    {
      provide: INVITATION_RATE_LIMITER,
      useFactory: (config: OrganizationConfig, clock: Clock) =>
        new FixedWindowLimiter(
          config.invitationRateLimit.max,
          config.invitationRateLimit.windowSeconds * 1000,
          clock,
        ),
      inject: [ORGANIZATION_CONFIG, CLOCK],
    },
    InvitationRateLimitGuard,
    {
      provide: InvitationsService,
      useFactory: (...deps: Services) => new InvitationsService(...deps),
      inject: SERVICE_DEPENDENCIES,
    },
    {
      provide: InvitationResponsesService,
      useFactory: (...deps: [...Services, TenantEventsPublisher]) => new InvitationResponsesService(...deps),
      inject: [...SERVICE_DEPENDENCIES, TenantEventsPublisher],
    },
  ],
})
export class InvitationsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(InvitationTokenRedactionMiddleware).forRoutes(InvitationTokenController);
  }
}
