export {
  PACKAGE_INSPECTOR,
  PackageRejectedError,
  type InspectedPackage,
  type PackageInspector,
  type PackageProblem,
  type PluginPackageInfo,
  type ThemePackageInfo,
} from './package-inspector.port';
export { UPLOAD_KINDS, UploadSlots, type UploadKind, type UploadSlot } from './upload-slots';
// The inspector adapter (added by the packages work):
export { ArtifactPackageInspector, type ArtifactPackageInspectorOptions } from './artifact-package.inspector';
