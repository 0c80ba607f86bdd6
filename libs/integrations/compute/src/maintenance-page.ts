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

function render(title: string, message: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
    `<body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>${escape(title)}</h1>` +
    `<p>${escape(message)}</p></body></html>`
  );
}

/** The 503 page a listener rule answers with while an instance is at zero (message shortened to fit). */
export function maintenancePage(page: { title: string; message: string }): string {
  const title = page.title.slice(0, 100);
  const full = render(title, page.message);
  if (full.length <= FIXED_RESPONSE_MAX_BODY) return full;
  // The longest start of the message that fits once escaped.
  let [low, high] = [0, page.message.length];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (render(title, `${page.message.slice(0, middle)}…`).length <= FIXED_RESPONSE_MAX_BODY) low = middle;
    else high = middle - 1;
  }
  return render(title, `${page.message.slice(0, low)}…`);
}
