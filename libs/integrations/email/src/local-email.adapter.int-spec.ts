import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestClock } from '@bbws/testing-factories';
import { LocalEmailSender } from './local-email.adapter';

describe('LocalEmailSender', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bbws-mail-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes one RFC 822 file per message with a text and an HTML part, readable by the owner only', async () => {
    const sender = new LocalEmailSender({
      directory: path.join(dir, 'mail'),
      from: 'BBWS <no-reply@bbws.local>',
    });
    const sent = await sender.send({
      to: 'bob@example.com',
      subject: 'Welcome to Acme',
      text: 'Open http://localhost:3000/invite/abc\n',
      html: '<p>Open <a href="http://localhost:3000/invite/abc">this</a></p>',
      replyTo: 'alice@example.com',
    });
    const files = await readdir(path.join(dir, 'mail'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T.*\.eml$/);
    const file = path.join(dir, 'mail', files[0]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const raw = await readFile(file, 'utf8');
    expect(raw).toMatch(/^From: BBWS <no-reply@bbws\.local>\r$/m);
    expect(raw).toMatch(/^To: bob@example\.com\r$/m);
    expect(raw).toMatch(/^Reply-To: alice@example\.com\r$/m);
    expect(raw).toMatch(/^Subject: Welcome to Acme\r$/m);
    expect(raw).toContain(`Message-ID: ${sent.messageId}`);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8/);
    expect(raw).toContain('Open http://localhost:3000/invite/abc');
    expect(raw).toMatch(/Content-Transfer-Encoding: 7bit/);
  });

  it('keeps messages in sending order by file name, even within one millisecond', async () => {
    const sender = new LocalEmailSender({ directory: dir, from: 'no-reply@bbws.local' }, TestClock.frozen());
    for (const subject of ['first', 'second']) {
      await sender.send({ to: 'a@example.com', subject, text: subject, html: `<p>${subject}</p>` });
    }
    const files = (await readdir(dir)).sort();
    expect(await readFile(path.join(dir, files[1]), 'utf8')).toContain('Subject: second');
  });
});
