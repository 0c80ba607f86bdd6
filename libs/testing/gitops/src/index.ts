export {
  REPOSITORIES,
  TEMPLATE_DIR,
  TOKEN,
  adapterConfig,
  startLocalGitHub,
  type LocalGitHub,
} from './local-github.fixture';
export { RecordingApplier } from './recording.applier';
