import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { DYNAMO_CONTEXT, PLATFORM_CONFIG, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { AuthGuard } from './auth.guard';
import { JwtVerifier } from './jwt-verifier';
import type { MembershipLookup } from './membership-lookup.port';
import { TenantAccessService } from './tenant-access.service';

/** Token verification on every route and tenant authorization from memberships. */
@Global()
@Module({})
export class AuthModule {
  /**
   * Authorization reading memberships through `lookup` (the app's memberships store, built on its
   * DynamoDB context), which the app's services may inject too.
   */
  static forMemberships(lookup: new (db: DynamoContext) => MembershipLookup): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        provideFactory(JwtVerifier, [PLATFORM_CONFIG], (config) => new JwtVerifier(config.auth)),
        provideClass(lookup, [DYNAMO_CONTEXT]),
        provideFactory(
          TenantAccessService,
          [lookup, PLATFORM_CONFIG],
          (memberships, config) => new TenantAccessService(memberships, config.accessCacheTtlMs),
        ),
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [JwtVerifier, TenantAccessService, lookup],
    };
  }
}
