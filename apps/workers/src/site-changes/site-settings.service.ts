import type { SiteConfiguration, SiteDao } from '@bbws/data-access-sites';
import type { SiteSettings, WordPressClient } from '@bbws/integrations-wordpress-client';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { SiteUpdatePayload } from '@bbws/shared-contracts';
import { ValidationError } from '@bbws/shared-errors';
import type { SiteTargets } from '../sites/site-targets';

const CONFIGURATION_KEYS = ['title', 'tagline', 'timezone', 'language'] as const;

/**
 * SITE_UPDATE: the settings pushed to WordPress first (title, tagline, timezone, language), then stored
 * on the site with its new name. The WordPress title follows `configuration.title`; a new `siteName`
 * alone becomes the title only while the site has no title of its own (creation titles the blog with
 * the site's name). Both steps are idempotent: a redelivery pushes and stores the same values again.
 */
export class SiteSettingsService {
  constructor(
    private readonly targets: SiteTargets,
    private readonly sites: Pick<SiteDao, 'change'>,
    private readonly wordpress: Pick<WordPressClient, 'updateSettings'>,
  ) {}

  async update(context: OperationContext<SiteUpdatePayload>): Promise<OperationOutcome> {
    const { payload } = context;
    const configuration = configurationOf(payload.configuration ?? {});
    await context.plan(['push-settings', 'record-settings']);
    await context.step('push-settings', async () => {
      const target = await this.targets.load(context.operation.tenantId, payload.siteId);
      const settings = settingsOf(configuration, payload.siteName, target.site.configuration);
      if (Object.keys(settings).length === 0) return { updated: [] };
      const result = await this.wordpress.updateSettings(target.connection, target.ref, settings);
      return { updated: result.updated };
    });
    const site = await context.step('record-settings', async () => {
      const current = await this.targets.site(context.operation.tenantId, payload.siteId);
      const changed = await this.sites.change(current, {
        expectedVersion: current.version,
        changes: {
          ...(payload.siteName !== undefined ? { siteName: payload.siteName } : {}),
          configuration,
          lastError: null,
        },
      });
      return { siteName: changed.siteName, configuration: { ...changed.configuration } };
    });
    return { result: { siteId: payload.siteId, ...site }, message: `Site ${site.siteName} updated` };
  }
}

/** The payload's configuration, refused (422, nothing changed) when it has other keys or non-string values. */
function configurationOf(raw: Record<string, unknown>): SiteConfiguration {
  const configuration: SiteConfiguration = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(CONFIGURATION_KEYS as readonly string[]).includes(key) || typeof value !== 'string') {
      throw new ValidationError(`configuration.${key} is not a site setting`, [
        {
          field: `configuration.${key}`,
          messages: [`must be one of ${CONFIGURATION_KEYS.join(', ')}, as a string`],
        },
      ]);
    }
    configuration[key as keyof SiteConfiguration] = value;
  }
  return configuration;
}

function settingsOf(
  configuration: SiteConfiguration,
  siteName: string | undefined,
  current: SiteConfiguration,
): SiteSettings {
  const title = configuration.title ?? (siteName !== undefined && !current.title ? siteName : undefined);
  return {
    ...(title !== undefined ? { title } : {}),
    ...(configuration.tagline !== undefined ? { tagline: configuration.tagline } : {}),
    ...(configuration.timezone !== undefined ? { timezone: configuration.timezone } : {}),
    ...(configuration.language !== undefined ? { language: configuration.language } : {}),
  };
}
