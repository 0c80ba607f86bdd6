import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { Module } from '@nestjs/common';
import { InvitationDao, MemberDao, TenantDao } from '@bbws/data-access-tenants';
import { EMAIL_SENDER, LocalEmailSender, SesEmailSender } from '@bbws/integrations-email';
import {
  CognitoIdentityDirectory,
  IDENTITY_DIRECTORY,
  LocalUserDirectory,
} from '@bbws/integrations-identity';
import { DYNAMO_CONTEXT, PLATFORM_CONFIG, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { token } from '@bbws/shared-util';
import { resolveOrganizationConfig, type OrganizationConfig } from '../config/tenants-api.config';
import { OrganizationModule } from './organization.module';

export const ORGANIZATION_CONFIG = token<OrganizationConfig>('ORGANIZATION_CONFIG');

/** The adapters picked by configuration (local files and directory, or SES and Cognito) and the organization DAOs. */
@Module({
  imports: [OrganizationModule],
  providers: [
    provideFactory(ORGANIZATION_CONFIG, [PLATFORM_CONFIG], (config) => resolveOrganizationConfig(config)),
    provideFactory(
      IDENTITY_DIRECTORY,
      [ORGANIZATION_CONFIG, PLATFORM_CONFIG, DYNAMO_CONTEXT],
      ({ identity }, config, db) =>
        identity.adapter === 'local'
          ? new LocalUserDirectory(db.client, db.tables.tenants, db.clock)
          : new CognitoIdentityDirectory(
              new CognitoIdentityProviderClient({ region: config.region }),
              identity.userPoolId,
            ),
    ),
    provideFactory(EMAIL_SENDER, [ORGANIZATION_CONFIG, PLATFORM_CONFIG], ({ email }, config) =>
      email.adapter === 'file'
        ? // Real time, not the app clock: the files of the mail directory sort in sending order.
          new LocalEmailSender({ directory: email.directory, from: email.from })
        : new SesEmailSender(new SESv2Client({ region: config.region }), {
            from: email.from,
            configurationSetName: email.configurationSetName,
          }),
    ),
    provideClass(MemberDao, [DYNAMO_CONTEXT, TenantDao]),
    provideClass(InvitationDao, [DYNAMO_CONTEXT, TenantDao, MemberDao]),
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
