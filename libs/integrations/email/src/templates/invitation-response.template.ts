import type { EmailMessage } from '../email-sender.port';
import { escapeHtml, singleLine, wrapText } from '../html.util';
import { htmlLayout } from './email-layout';

export interface InvitationResponseEmailInput {
  /** The inviter. */
  to: string;
  organizationName: string;
  inviteeEmail: string;
  inviteeName?: string;
  role: string;
}

/** Tells the inviter their invitation was accepted. */
export function invitationAcceptedEmail(input: InvitationResponseEmailInput): EmailMessage {
  return responseEmail(
    input,
    'accepted',
    (who, organization, role) => `${who} accepted your invitation and joined ${organization} as ${role}.`,
  );
}

/** Tells the inviter their invitation was declined. */
export function invitationDeclinedEmail(input: InvitationResponseEmailInput): EmailMessage {
  return responseEmail(
    input,
    'declined',
    (who, organization) => `${who} declined your invitation to join ${organization}.`,
  );
}

function responseEmail(
  input: InvitationResponseEmailInput,
  outcome: 'accepted' | 'declined',
  sentence: (who: string, organization: string, role: string) => string,
): EmailMessage {
  const organization = singleLine(input.organizationName);
  const email = singleLine(input.inviteeEmail);
  const name = singleLine(input.inviteeName ?? '');
  const who = name ? `${name} (${email})` : email;
  const role = singleLine(input.role).toUpperCase();
  const line = sentence(who, organization, role);
  return {
    to: input.to,
    subject: singleLine(`${email} ${outcome} your invitation to ${organization}`),
    text: ['Hello,', '', ...wrapText(line), ''].join('\n'),
    html: htmlLayout(`Invitation ${outcome}`, ['<p>Hello,</p>', `<p>${escapeHtml(line)}</p>`].join('\n')),
  };
}
