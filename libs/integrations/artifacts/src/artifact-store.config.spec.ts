import { loadArtifactStoreSettings } from './artifact-store.config';

describe('loadArtifactStoreSettings', () => {
  const local = { stage: 'local', region: 'us-east-1' };

  it('talks path-style to a local S3 endpoint and names the bucket after the stage by default', () => {
    expect(loadArtifactStoreSettings(local, { S3_ENDPOINT: 'http://127.0.0.1:4566' })).toEqual({
      bucket: 'bbws-artifacts-local',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4566',
      forcePathStyle: true,
    });
  });

  it('takes the bucket from ARTIFACTS_BUCKET and leaves the endpoint to the SDK in the cloud', () => {
    expect(
      loadArtifactStoreSettings(
        { stage: 'prod', region: 'eu-west-1' },
        { ARTIFACTS_BUCKET: 'acme-artifacts' },
      ),
    ).toEqual({ bucket: 'acme-artifacts', region: 'eu-west-1' });
  });

  it('refuses an S3 endpoint that is not a URL', () => {
    expect(() => loadArtifactStoreSettings(local, { S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/);
  });
});
