import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { InvitationDao, MemberDao } from '@bbws/data-access-tenants';
import { EMAIL_SENDER } from '@bbws/integrations-email';
import { IDENTITY_DIRECTORY } from '@bbws/integrations-identity';
import { TenantAccessService } from '@bbws/platform-auth';
import { CLOCK, LOGGER, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { TenantEventsModule } from '../events/tenant-events.module';
import { TenantEventsPublisher } from '../events/tenant-events.publisher';
import {
  ORGANIZATION_CONFIG,
  OrganizationInfrastructureModule,
} from '../organization/organization-infrastructure.module';
import { OrganizationService } from '../organization/organization.service';
import { FixedWindowLimiter } from './fixed-window.limiter';
import { INVITATION_RATE_LIMITER, InvitationRateLimitGuard } from './invitation-rate-limit.guard';
import { InvitationResponsesService } from './invitation-responses.service';
import { InvitationTokenController } from './invitation-token.controller';
import { InvitationMailer } from './invitation.mailer';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { InvitationTokenRedactionMiddleware } from './token-redaction.middleware';

const SERVICE_DEPENDENCIES = [
  InvitationDao,
  MemberDao,
  OrganizationService,
  IDENTITY_DIRECTORY,
  InvitationMailer,
  TenantAccessService,
  CLOCK,
] as const;

@Module({
  imports: [OrganizationInfrastructureModule, TenantEventsModule],
  controllers: [InvitationsController, InvitationTokenController],
  providers: [
    provideFactory(
      InvitationMailer,
      [EMAIL_SENDER, ORGANIZATION_CONFIG, LOGGER],
      (sender, config, logger) => new InvitationMailer(sender, config.portalUrl, logger),
    ),
    provideFactory(
      INVITATION_RATE_LIMITER,
      [ORGANIZATION_CONFIG, CLOCK],
      ({ invitationRateLimit }, clock) =>
        new FixedWindowLimiter(invitationRateLimit.max, invitationRateLimit.windowSeconds * 1000, clock),
    ),
    InvitationRateLimitGuard,
    provideClass(InvitationsService, SERVICE_DEPENDENCIES),
    provideClass(InvitationResponsesService, [...SERVICE_DEPENDENCIES, TenantEventsPublisher]),
  ],
})
export class InvitationsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(InvitationTokenRedactionMiddleware).forRoutes(InvitationTokenController);
  }
}
