import { invitationAcceptedEmail, invitationDeclinedEmail } from './invitation-response.template';
import { invitationAcceptUrl, invitationEmail } from './invitation.template';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

describe('invitation email', () => {
  const input = {
    to: 'bob@example.com',
    organizationName: 'Acme & Co',
    inviterName: 'Alice <script>',
    inviterEmail: 'alice@example.com',
    role: 'operator',
    message: 'Welcome!\n<img src=x onerror=alert(1)> "quoted"',
    expiresAt: '2026-12-06T10:00:00.000Z',
    portalUrl: 'https://portal.example.com/',
    token: TOKEN,
  };

  it('links to the portal with the token and repeats the code on its own line', () => {
    const email = invitationEmail(input);
    const url = `https://portal.example.com/invite/${TOKEN}`;
    expect(invitationAcceptUrl(input.portalUrl, TOKEN)).toBe(url);
    expect(email.text.split('\n')).toEqual(expect.arrayContaining([url, TOKEN]));
    expect(email.html).toContain(`href="${url}"`);
    expect(email).toMatchObject({ to: 'bob@example.com', replyTo: 'alice@example.com' });
    expect(email.text).toContain('as OPERATOR');
    expect(email.text).toContain('(valid until Sun, 06 Dec 2026 10:00:00 UTC)');
  });

  it('keeps the token out of the subject', () => {
    expect(invitationEmail(input).subject).toBe('Alice <script> invited you to join Acme & Co on BBWS');
    expect(invitationEmail(input).subject).not.toContain(TOKEN);
  });

  it('escapes every piece of user input in the HTML part', () => {
    const { html } = invitationEmail(input);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('Alice &lt;script&gt;');
    expect(html).toContain('Acme &amp; Co');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;');
    expect(html).toContain('Welcome!<br>');
  });

  it('keeps header values on one line', () => {
    const email = invitationEmail({ ...input, inviterName: 'Mallory\r\nBcc: victim@example.com' });
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('keeps every plain-text line within 76 columns with the default portal URL, so an ASCII message stays 7-bit', () => {
    const email = invitationEmail({
      ...input,
      portalUrl: 'http://localhost:3000',
      inviterName: 'Alice Example-Longname',
      message: 'word '.repeat(60),
    });
    for (const line of email.text.split('\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(email.text).toContain(`\nhttp://localhost:3000/invite/${TOKEN}\n`);
  });
});

describe('invitation response emails', () => {
  const input = {
    to: 'alice@example.com',
    organizationName: 'Acme',
    inviteeEmail: 'bob@example.com',
    inviteeName: 'Bob <b>',
    role: 'viewer',
  };

  it('tells the inviter about an acceptance, escaped', () => {
    const email = invitationAcceptedEmail(input);
    expect(email.subject).toBe('bob@example.com accepted your invitation to Acme');
    expect(email.text.replace(/\n/g, ' ')).toContain(
      'Bob <b> (bob@example.com) accepted your invitation and joined Acme as VIEWER.',
    );
    expect(email.html).toContain('Bob &lt;b&gt;');
  });

  it('tells the inviter about a refusal', () => {
    const email = invitationDeclinedEmail(input);
    expect(email).toMatchObject({
      to: 'alice@example.com',
      subject: 'bob@example.com declined your invitation to Acme',
    });
  });
});
