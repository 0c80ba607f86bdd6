import { createHash } from 'node:crypto';

/** The same event fanned out twice to the same subscription gets the same delivery id. */
export function deliveryIdFor(eventId: string, webhookId: string): string {
  const hex = createHash('sha256').update(`${eventId}:${webhookId}`).digest('hex');
  return `dlv-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
