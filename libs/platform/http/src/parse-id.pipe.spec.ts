import { ValidationError } from '@bbws/shared-errors';
import { newId } from '@bbws/shared-util';
import { ParseIdPipe, TenantIdPipe } from './parse-id.pipe';

describe('ParseIdPipe', () => {
  it('passes an id of its prefix through, request after request', () => {
    const id = newId('tenant');
    expect(TenantIdPipe.transform(id)).toBe(id);
    expect(TenantIdPipe.transform(id)).toBe(id);
  });

  it.each([
    'tenant-123',
    `site-${newId('tenant').slice('tenant-'.length)}`,
    `${newId('tenant')}x`,
    '../tenant',
  ])('refuses %s with a field error naming the parameter', (value) => {
    const pipe = new ParseIdPipe('tenant', 'tenantId');
    expect(() => pipe.transform(value)).toThrow(ValidationError);
    try {
      pipe.transform(value);
    } catch (error) {
      expect((error as ValidationError).details).toEqual({
        fields: [{ field: 'tenantId', messages: ['must look like tenant-<uuid>'] }],
      });
    }
  });
});
