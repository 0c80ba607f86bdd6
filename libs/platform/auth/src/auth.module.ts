import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { DYNAMO_CONTEXT, PLATFORM_CONFIG, type PlatformConfig } from '@bbws/platform-bootstrap';
import { AuthGuard } from './auth.guard';
import { JwtVerifier } from './jwt-verifier';
import { TenantAccessService } from './tenant-access.service';

/** Token verification on every route and tenant authorization from memberships. */
@Global()
@Module({
  providers: [
    {
      provide: JwtVerifier,
      useFactory: (config: PlatformConfig) => new JwtVerifier(config.auth),
      inject: [PLATFORM_CONFIG],
    },
    {
      provide: MembershipReaderDao,
      useFactory: (db: DynamoContext) => new MembershipReaderDao(db),
      inject: [DYNAMO_CONTEXT],
    },
    {
      provide: TenantAccessService,
      useFactory: (memberships: MembershipReaderDao, config: PlatformConfig) =>
        new TenantAccessService(memberships, config.accessCacheTtlMs),
      inject: [MembershipReaderDao, PLATFORM_CONFIG],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [JwtVerifier, TenantAccessService, MembershipReaderDao],
})
export class AuthModule {}
