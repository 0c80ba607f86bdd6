import type { EmailMessage } from '../email-sender.port';
import { escapeHtml, escapeMultiline, singleLine, wrapText } from '../html.util';
import { formatUtc, htmlLayout } from './email-layout';

export interface InvitationEmailInput {
  to: string;
  organizationName: string;
  inviterName: string;
  inviterEmail?: string;
  role: string;
  /** The inviter's personal note, shown as text (escaped in HTML). */
  message?: string | null;
  expiresAt: string;
  /** The customer portal's base URL; the accept link is `<portalUrl>/invite/<token>`. */
  portalUrl: string;
  /** The raw token: this email is the only place it ever appears. */
  token: string;
}

export function invitationAcceptUrl(portalUrl: string, token: string): string {
  return `${portalUrl.replace(/\/+$/, '')}/invite/${encodeURIComponent(token)}`;
}

/** The invitation to the invitee, with the accept link and the code on lines of their own. */
export function invitationEmail(input: InvitationEmailInput): EmailMessage {
  const url = invitationAcceptUrl(input.portalUrl, input.token);
  const organization = singleLine(input.organizationName);
  const inviter = singleLine(input.inviterName) || 'A BBWS administrator';
  const role = singleLine(input.role).toUpperCase();
  const expires = formatUtc(input.expiresAt);
  const note = input.message?.trim();
  const text = [
    'Hello,',
    '',
    ...wrapText(`${inviter} invited you to join ${organization} on BBWS as ${role}.`),
    ...(note
      ? [
          '',
          'Their message:',
          ...note.split(/\r?\n/).flatMap((line) => wrapText(line, 74).map((part) => `> ${part}`)),
        ]
      : []),
    '',
    'Accept or decline the invitation:',
    url,
    `(valid until ${expires})`,
    '',
    'Invitation code, if the link does not open:',
    input.token,
    '',
    'If you did not expect this invitation, you can ignore this email.',
    '',
  ].join('\n');
  const html = htmlLayout(
    `Invitation to ${organization}`,
    [
      '<p>Hello,</p>',
      `<p><strong>${escapeHtml(inviter)}</strong> invited you to join <strong>${escapeHtml(organization)}</strong> on BBWS as ${escapeHtml(role)}.</p>`,
      ...(note
        ? [
            `<blockquote style="border-left: 3px solid #cbd2d9; margin: 0; padding-left: 12px;">${escapeMultiline(note)}</blockquote>`,
          ]
        : []),
      `<p><a href="${escapeHtml(url)}" style="background: #2563eb; color: #ffffff; padding: 10px 16px; border-radius: 4px; text-decoration: none;">Review the invitation</a></p>`,
      `<p>The invitation is valid until ${escapeHtml(expires)}. Invitation code, if the button does not work: <code>${escapeHtml(input.token)}</code></p>`,
      '<p>If you did not expect this invitation, you can ignore this email.</p>',
    ].join('\n'),
  );
  return {
    to: input.to,
    subject: singleLine(`${inviter} invited you to join ${organization} on BBWS`),
    text,
    html,
    ...(input.inviterEmail ? { replyTo: input.inviterEmail } : {}),
  };
}
