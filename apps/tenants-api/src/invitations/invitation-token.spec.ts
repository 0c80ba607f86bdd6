import {
  INVITATION_TOKEN_PATTERN,
  hashInvitationToken,
  issueInvitationToken,
  maskEmail,
  tokenMatches,
} from './invitation-token';

describe('invitation tokens', () => {
  it('are 32 random bytes in URL-safe base64, different every time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => issueInvitationToken().token));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(INVITATION_TOKEN_PATTERN);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it('are stored as their SHA-256 only', () => {
    const { token, hash } = issueInvitationToken();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashInvitationToken(token));
    expect(hash).not.toContain(token);
  });

  it('match only their own hash', () => {
    const a = issueInvitationToken();
    const b = issueInvitationToken();
    expect(tokenMatches(a.token, a.hash)).toBe(true);
    expect(tokenMatches(a.token, b.hash)).toBe(false);
    expect(tokenMatches(a.token, 'abc')).toBe(false);
  });

  it.each([
    ['bob@example.com', 'b**@example.com'],
    ['a@example.com', 'a**@example.com'],
    ['alexandria.long@example.com', 'a******@example.com'],
    ['not-an-email', '***'],
  ])('masks %s as %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
