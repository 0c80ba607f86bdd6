export { EMAIL_SENDER, type EmailMessage, type EmailSender, type SentEmail } from './email-sender.port';
export { SesEmailSender, sesRequest, type SesEmailSettings } from './ses-email.adapter';
export { LocalEmailSender, type LocalEmailSettings } from './local-email.adapter';
export { escapeHtml } from './html.util';
export {
  invitationAcceptUrl,
  invitationEmail,
  type InvitationEmailInput,
} from './templates/invitation.template';
export {
  invitationAcceptedEmail,
  invitationDeclinedEmail,
  type InvitationResponseEmailInput,
} from './templates/invitation-response.template';
