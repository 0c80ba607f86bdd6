export { buildBackup, buildInstalledPlugin, buildSite, uniqueSubdomain } from './site.factories';
