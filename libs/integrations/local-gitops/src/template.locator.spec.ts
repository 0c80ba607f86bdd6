import { join } from 'node:path';
import { findGitOpsTemplateDir } from './template.locator';

describe('findGitOpsTemplateDir', () => {
  it('finds the template from anywhere inside the monorepo', () => {
    const root = join(__dirname, '../../../..');
    expect(findGitOpsTemplateDir(__dirname)).toBe(join(root, 'tools/gitops-template'));
    expect(findGitOpsTemplateDir(root)).toBe(join(root, 'tools/gitops-template'));
  });

  it('fails clearly outside a checkout', () => {
    expect(() => findGitOpsTemplateDir('/')).toThrow('No tools/gitops-template above /');
  });
});
