import { FIXED_RESPONSE_MAX_BODY, maintenancePage } from './maintenance-page';

describe('maintenancePage', () => {
  it('renders the title and message, escaped', () => {
    const page = maintenancePage({ title: 'Acme & Co', message: 'Back <soon>' });
    expect(page).toContain('<title>Acme &amp; Co</title>');
    expect(page).toContain('<h1>Acme &amp; Co</h1><p>Back &lt;soon&gt;</p>');
  });

  it('stays within the 1024 characters ELBv2 allows a fixed response, shortening the message', () => {
    const page = maintenancePage({ title: 'Parked', message: 'x'.repeat(5000) });
    expect(page.length).toBeLessThanOrEqual(FIXED_RESPONSE_MAX_BODY);
    expect(page).toContain('<h1>Parked</h1><p>xxx');
    expect(page).toMatch(/x…<\/p><\/body><\/html>$/);
  });

  it('never cuts an escaped character or the closing tags when shortening', () => {
    const page = maintenancePage({ title: 'T'.repeat(300), message: '<&>'.repeat(400) });
    expect(page.length).toBeLessThanOrEqual(FIXED_RESPONSE_MAX_BODY);
    expect(page).toMatch(/(&lt;|&amp;|&gt;)…<\/p><\/body><\/html>$/);
  });
});
