import { assertArtifactKey, assertArtifactPrefix, assertDeletablePrefix } from './artifact-key';
import { InvalidArtifactKeyError } from './artifact.errors';

describe('artifact keys', () => {
  it.each([
    'backups/t-1/site-9/2026-12-03T01:00:00Z.tar.gz',
    'packages/plugins/akismet 5.3 (beta)!.zip',
    'archives/tenant/instance/wp-content.tar',
    'a',
    'ünïcödé/ключ',
    `${'x'.repeat(1023)}y`,
  ])('accepts %s', (key) => {
    expect(() => assertArtifactKey(key)).not.toThrow();
  });

  it.each([
    ['', 'must not be empty'],
    ['/backups/x', 'must not start with "/"'],
    ['../etc/passwd', 'must not contain "." or ".." segments'],
    ['backups/../secrets', 'must not contain "." or ".." segments'],
    ['backups/./x', 'must not contain "." or ".." segments'],
    ['backups/..', 'must not contain "." or ".." segments'],
    ['backups//x', 'must not contain empty segments ("//")'],
    ['backups/x/', 'must not end with "/"'],
    ['back\\slash', 'must not contain control characters or "\\"'],
    ['line\nbreak', 'must not contain control characters or "\\"'],
    ['x'.repeat(1025), 'must be at most 1024 bytes'],
    ['é'.repeat(513), 'must be at most 1024 bytes'],
  ])('rejects %j: %s', (key, reason) => {
    const attempt = () => assertArtifactKey(key);
    expect(attempt).toThrow(InvalidArtifactKeyError);
    expect(attempt).toThrow(reason);
  });

  it('reports a 400 INVALID_ARTIFACT_KEY naming the field', () => {
    try {
      assertArtifactKey('../x', 'sourceKey');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toMatchObject({
        status: 400,
        code: 'INVALID_ARTIFACT_KEY',
        details: { fields: [{ field: 'sourceKey', messages: ['must not contain "." or ".." segments'] }] },
      });
    }
  });

  it('lets a listing prefix be empty or end with "/", but not escape', () => {
    expect(() => assertArtifactPrefix('')).not.toThrow();
    expect(() => assertArtifactPrefix('backups/')).not.toThrow();
    expect(() => assertArtifactPrefix('backups/t-')).not.toThrow();
    expect(() => assertArtifactPrefix('../')).toThrow(InvalidArtifactKeyError);
    expect(() => assertArtifactPrefix('/backups/')).toThrow(InvalidArtifactKeyError);
  });

  it('deletes only under a folder: the prefix is non-empty and ends with "/"', () => {
    expect(() => assertDeletablePrefix('archives/t-1/')).not.toThrow();
    expect(() => assertDeletablePrefix('')).toThrow('must not be empty');
    expect(() => assertDeletablePrefix('archives/t-1')).toThrow('must end with "/"');
    expect(() => assertDeletablePrefix('archives/../')).toThrow(InvalidArtifactKeyError);
  });
});
