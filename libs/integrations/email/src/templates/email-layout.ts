import { escapeHtml } from '../html.util';

/** The shared HTML frame of every message; `body` is already-escaped HTML. */
export function htmlLayout(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; color: #1f2933; line-height: 1.5;">',
    body,
    '<p style="color: #7b8794; font-size: 12px;">BBWS managed WordPress hosting</p>',
    '</body>',
    '</html>',
  ].join('\n');
}

export function formatUtc(iso: string): string {
  return new Date(iso).toUTCString().replace('GMT', 'UTC');
}
