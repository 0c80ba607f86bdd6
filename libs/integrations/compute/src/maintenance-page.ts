/** ELBv2 caps a fixed response's body at 1024 characters. */
export const FIXED_RESPONSE_MAX_BODY = 1024;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

/** The 503 page a listener rule answers with while an instance is at zero. */
export function maintenancePage(page: { title: string; message: string }): string {
  const render = (title: string, message: string) =>
    '<!doctype html><html><head><meta charset="utf-8"><title>' +
    escape(title) +
    '</title></head><body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>' +
    escape(title) +
    '</h1><p>' +
    escape(message) +
    '</p></body></html>';
  const full = render(page.title, page.message);
  if (full.length <= FIXED_RESPONSE_MAX_BODY) return full;
  const room = FIXED_RESPONSE_MAX_BODY - render(page.title, '').length - 1;
  return render(page.title, page.message.slice(0, Math.max(0, room)) + '…').slice(0, FIXED_RESPONSE_MAX_BODY);
}
