import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

export interface ReceivedEmail {
  file: string;
  raw: string;
  headers: Record<string, string>;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Reads the `.eml` files the local email adapter writes under `<dataDir>/mail`, as a test would read a mailbox. */
export class Mailbox {
  constructor(readonly directory: string) {}

  async all(): Promise<ReceivedEmail[]> {
    let files: string[];
    try {
      files = (await readdir(this.directory)).filter((file) => file.endsWith('.eml')).sort();
    } catch {
      return [];
    }
    return Promise.all(
      files.map(async (file) =>
        parseEml(path.join(this.directory, file), await readFile(path.join(this.directory, file), 'utf8')),
      ),
    );
  }

  async to(address: string): Promise<ReceivedEmail[]> {
    return (await this.all()).filter((email) => email.to.toLowerCase() === address.toLowerCase());
  }

  async latestTo(address: string): Promise<ReceivedEmail> {
    const emails = await this.to(address);
    const latest = emails[emails.length - 1];
    if (!latest) throw new Error(`No email to ${address} in ${this.directory}`);
    return latest;
  }

  /** The token in the accept link of the newest invitation sent to `address`. */
  async invitationToken(address: string): Promise<string> {
    return tokenFromLink((await this.latestTo(address)).text);
  }
}

export function tokenFromLink(text: string): string {
  const match = /\/invite\/([A-Za-z0-9_-]{43})\b/.exec(text);
  if (!match) throw new Error('No invitation link in the email');
  return match[1];
}

export function parseEml(file: string, raw: string): ReceivedEmail {
  const [head, body] = splitHeaders(raw);
  const headers = parseHeaders(head);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary
    ? body.split(`--${boundary}`).slice(1, -1)
    : [`Content-Type: ${headers['content-type']}\r\n\r\n${body}`];
  const decoded = parts.map((part) => {
    const [partHead, partBody] = splitHeaders(part.replace(/^\r\n/, ''));
    const partHeaders = parseHeaders(partHead);
    return {
      type: partHeaders['content-type'] ?? '',
      content: decode(partBody, partHeaders['content-transfer-encoding'] ?? '7bit'),
    };
  });
  return {
    file,
    raw,
    headers,
    to: headers.to ?? '',
    subject: headers.subject ?? '',
    text: decoded.find((part) => part.type.startsWith('text/plain'))?.content ?? '',
    html: decoded.find((part) => part.type.startsWith('text/html'))?.content ?? '',
  };
}

function splitHeaders(text: string): [string, string] {
  const index = text.indexOf('\r\n\r\n');
  return index < 0 ? [text, ''] : [text.slice(0, index), text.slice(index + 4)];
}

function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function decode(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable': {
      const bytes = body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
    }
    default:
      return body.replace(/\r\n/g, '\n');
  }
}
