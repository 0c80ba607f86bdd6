import { BusinessRuleError, InvalidStatusTransitionError } from '@bbws/shared-errors';
import { allowedTransitions, assertEditable, assertTransition, canTransition } from './template-status.rules';

const page = { title: 'Home', slug: 'home', content: '' };

describe('template state machine', () => {
  it.each([
    ['DRAFT', 'PUBLISHED'],
    ['DRAFT', 'ARCHIVED'],
    ['PUBLISHED', 'ARCHIVED'],
    ['ARCHIVED', 'PUBLISHED'],
  ] as const)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition({ status: from, pages: [page] }, to)).not.toThrow();
  });

  it.each([
    ['PUBLISHED', 'PUBLISHED'],
    ['PUBLISHED', 'DRAFT'],
    ['ARCHIVED', 'ARCHIVED'],
    ['ARCHIVED', 'DRAFT'],
  ] as const)('refuses %s -> %s naming the allowed transitions', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition({ status: from, pages: [page] }, to)).toThrow(
      new InvalidStatusTransitionError(from, to, allowedTransitions(from)),
    );
  });

  it('refuses to publish a template without pages, but archives one', () => {
    expect(() => assertTransition({ status: 'DRAFT', pages: [] }, 'PUBLISHED')).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_INCOMPLETE', status: 422 }),
    );
    expect(() => assertTransition({ status: 'DRAFT', pages: [] }, 'ARCHIVED')).not.toThrow();
  });

  it('keeps archived templates read-only', () => {
    expect(() => assertEditable({ templateId: 'tpl-1', status: 'ARCHIVED' })).toThrow(BusinessRuleError);
    expect(() => assertEditable({ templateId: 'tpl-1', status: 'ARCHIVED' })).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_ARCHIVED' }),
    );
    expect(() => assertEditable({ templateId: 'tpl-1', status: 'PUBLISHED' })).not.toThrow();
    expect(() => assertEditable({ templateId: 'tpl-1', status: 'DRAFT' })).not.toThrow();
  });
});
