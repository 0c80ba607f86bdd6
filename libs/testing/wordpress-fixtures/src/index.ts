export { startArtifactServer, type ArtifactServer } from './artifact.server';
export {
  buildConflictingPlugin,
  buildFatalSettingsPlugin,
  buildSettingsPlugin,
  CONFLICTING_PLUGIN,
  FATAL_SETTINGS_VERSION,
  SETTINGS_PLUGIN,
  SETTINGS_PLUGIN_OPTION,
  type FixturePlugin,
} from './fixture-plugins';
export { buildFixtureTheme, FIXTURE_THEME, type FixtureTheme } from './fixture-theme';
export { buildTemplateContent, type PackageLocation } from './fixture-template';
export { zipPackage, type FixturePackage } from './zip-package';
