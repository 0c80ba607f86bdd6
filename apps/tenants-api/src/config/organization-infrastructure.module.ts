import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { Module } from '@nestjs/common';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { InvitationDao, MemberDao, TenantDao } from '@bbws/data-access-tenants';
import { EMAIL_SENDER, LocalEmailSender, SesEmailSender, type EmailSender } from '@bbws/integrations-email';
import {
  CognitoIdentityDirectory,
  IDENTITY_DIRECTORY,
  LocalUserDirectory,
  type IdentityDirectory,
} from '@bbws/integrations-identity';
import { DYNAMO_CONTEXT, PLATFORM_CONFIG, type PlatformConfig } from '@bbws/platform-bootstrap';
import { OrganizationModule } from '../organization/organization.module';
import { resolveOrganizationConfig, type OrganizationConfig } from './tenants-api.config';

export const ORGANIZATION_CONFIG = Symbol('ORGANIZATION_CONFIG');

/** The adapters picked by configuration (local files and directory, or SES and Cognito) and the organization DAOs. */
@Module({
  imports: [OrganizationModule],
  providers: [
    {
      provide: ORGANIZATION_CONFIG,
      useFactory: (config: PlatformConfig) => resolveOrganizationConfig(config),
      inject: [PLATFORM_CONFIG],
    },
    {
      provide: IDENTITY_DIRECTORY,
      useFactory: (
        organization: OrganizationConfig,
        config: PlatformConfig,
        db: DynamoContext,
      ): IdentityDirectory => {
        const { identity } = organization;
        return identity.adapter === 'local'
          ? new LocalUserDirectory(db.client, db.tables.tenants, db.clock)
          : new CognitoIdentityDirectory(
              new CognitoIdentityProviderClient({ region: config.region }),
              identity.userPoolId,
            );
      },
      inject: [ORGANIZATION_CONFIG, PLATFORM_CONFIG, DYNAMO_CONTEXT],
    },
    {
      provide: EMAIL_SENDER,
      useFactory: (organization: OrganizationConfig, config: PlatformConfig): EmailSender => {
        const { email } = organization;
        return email.adapter === 'file'
          ? // Real time, not the app clock: the files of the mail directory sort in sending order.
            new LocalEmailSender({ directory: email.directory, from: email.from })
          : new SesEmailSender(new SESv2Client({ region: config.region }), {
              from: email.from,
              configurationSetName: email.configurationSetName,
            });
      },
      inject: [ORGANIZATION_CONFIG, PLATFORM_CONFIG],
    },
    {
      provide: MemberDao,
      useFactory: (db: DynamoContext, tenants: TenantDao) => new MemberDao(db, tenants),
      inject: [DYNAMO_CONTEXT, TenantDao],
    },
    {
      provide: InvitationDao,
      useFactory: (db: DynamoContext, tenants: TenantDao, members: MemberDao) =>
        new InvitationDao(db, tenants, members),
      inject: [DYNAMO_CONTEXT, TenantDao, MemberDao],
    },
  ],
  exports: [
    OrganizationModule,
    ORGANIZATION_CONFIG,
    IDENTITY_DIRECTORY,
    EMAIL_SENDER,
    MemberDao,
    InvitationDao,
  ],
})
export class OrganizationInfrastructureModule {}
