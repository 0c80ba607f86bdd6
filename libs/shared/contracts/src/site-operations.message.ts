import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { idPattern } from '@bbws/shared-util';
import { defineMessage } from './message-contract';

export const HOSTING_ENVIRONMENTS = ['DEV', 'SIT', 'PROD'] as const;
export type HostingEnvironment = (typeof HOSTING_ENVIRONMENTS)[number];

const SITE_ID = idPattern('site');
const SUBDOMAIN = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

class SiteMessage {
  @Matches(SITE_ID, { message: 'siteId must look like site-<uuid>' })
  siteId!: string;
}

export class SiteCreationPayload extends SiteMessage {
  @IsString()
  @Length(1, 100)
  siteName!: string;

  @Matches(SUBDOMAIN)
  subdomain!: string;

  @IsIn(HOSTING_ENVIRONMENTS)
  environment!: HostingEnvironment;

  @Matches(idPattern('inst'))
  instanceId!: string;

  @IsOptional()
  @Matches(idPattern('tpl'))
  templateId?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(idPattern('plg'), { each: true })
  plugins?: string[];

  @IsOptional()
  @IsEmail()
  adminEmail?: string;
}

export class SiteClonePayload extends SiteMessage {
  @Matches(SITE_ID)
  sourceSiteId!: string;

  @IsString()
  @Length(1, 100)
  siteName!: string;

  @Matches(SUBDOMAIN)
  subdomain!: string;

  @IsIn(HOSTING_ENVIRONMENTS)
  environment!: HostingEnvironment;
}

export class SiteUpdatePayload extends SiteMessage {
  @IsOptional()
  @IsString()
  @Length(1, 100)
  siteName?: string;

  @IsOptional()
  @IsObject()
  configuration?: Record<string, unknown>;
}

export class SiteStatusChangePayload extends SiteMessage {
  @IsIn(['ACTIVE', 'SUSPENDED'])
  status!: 'ACTIVE' | 'SUSPENDED';

  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class TemplateApplicationPayload extends SiteMessage {
  @Matches(idPattern('tpl'))
  templateId!: string;

  @IsBoolean()
  confirmReplacement!: boolean;
}

export class PluginInstallationPayload extends SiteMessage {
  @Matches(idPattern('plg'))
  pluginId!: string;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  version?: string;

  @IsBoolean()
  activate!: boolean;
}

export class PluginUpdatePayload extends SiteMessage {
  @Matches(idPattern('plg'))
  pluginId!: string;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  version?: string;
}

export class PluginUninstallationPayload extends SiteMessage {
  @Matches(idPattern('plg'))
  pluginId!: string;
}

export class SitePromotionPayload extends SiteMessage {
  @IsIn(['SIT', 'PROD'])
  targetEnvironment!: 'SIT' | 'PROD';

  @IsBoolean()
  includeDatabase!: boolean;

  @IsBoolean()
  includeFiles!: boolean;

  /** The target site: the API finds it, or creates it PROVISIONING on the first promotion, before launching. */
  @ValidateIf((payload: SitePromotionPayload) => payload.targetSiteId !== undefined)
  @Matches(SITE_ID)
  targetSiteId?: string;
}

export class BackupPayload extends SiteMessage {
  @Matches(idPattern('bkp'))
  backupId!: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}

export class RestorePayload extends SiteMessage {
  @Matches(idPattern('bkp'))
  backupId!: string;
}

export class SiteDeletionPayload extends SiteMessage {
  @IsBoolean()
  force!: boolean;
}

export const SITE_MESSAGES = {
  SITE_CREATION: defineMessage({
    messageType: 'SITE_CREATION',
    schemaVersion: 1,
    queue: 'site-creation',
    kind: 'operation',
    payload: SiteCreationPayload,
  }),
  SITE_CLONE: defineMessage({
    messageType: 'SITE_CLONE',
    schemaVersion: 1,
    queue: 'site-creation',
    kind: 'operation',
    payload: SiteClonePayload,
  }),
  SITE_UPDATE: defineMessage({
    messageType: 'SITE_UPDATE',
    schemaVersion: 1,
    queue: 'site-update',
    kind: 'operation',
    payload: SiteUpdatePayload,
  }),
  SITE_STATUS_CHANGE: defineMessage({
    messageType: 'SITE_STATUS_CHANGE',
    schemaVersion: 1,
    queue: 'site-update',
    kind: 'operation',
    payload: SiteStatusChangePayload,
  }),
  TEMPLATE_APPLICATION: defineMessage({
    messageType: 'TEMPLATE_APPLICATION',
    schemaVersion: 1,
    queue: 'site-update',
    kind: 'operation',
    payload: TemplateApplicationPayload,
  }),
  PLUGIN_INSTALLATION: defineMessage({
    messageType: 'PLUGIN_INSTALLATION',
    schemaVersion: 1,
    queue: 'site-update',
    kind: 'operation',
    payload: PluginInstallationPayload,
  }),
  PLUGIN_UPDATE: defineMessage({
    messageType: 'PLUGIN_UPDATE',
    schemaVersion: 1,
    queue: 'site-update',
    kind: 'operation',
    payload: PluginUpdatePayload,
  }),
  PLUGIN_UNINSTALLATION: defineMessage({
    messageType: 'PLUGIN_UNINSTALLATION',
    schemaVersion: 1,
    queue: 'site-update',
    kind: 'operation',
    payload: PluginUninstallationPayload,
  }),
  SITE_PROMOTION: defineMessage({
    messageType: 'SITE_PROMOTION',
    schemaVersion: 1,
    queue: 'site-update',
    kind: 'operation',
    payload: SitePromotionPayload,
  }),
  BACKUP: defineMessage({
    messageType: 'BACKUP',
    schemaVersion: 1,
    queue: 'site-update',
    kind: 'operation',
    payload: BackupPayload,
  }),
  RESTORE: defineMessage({
    messageType: 'RESTORE',
    schemaVersion: 1,
    queue: 'site-update',
    kind: 'operation',
    payload: RestorePayload,
  }),
  SITE_DELETION: defineMessage({
    messageType: 'SITE_DELETION',
    schemaVersion: 1,
    queue: 'site-deletion',
    kind: 'operation',
    payload: SiteDeletionPayload,
  }),
};
