import net from 'node:net';
import { expect } from 'chai';
import { MailDeliveryError } from '../../../../app/platform/verify/mail/driver';
import { SmtpMailDriver } from '../../../../app/platform/verify/mail/smtp';
import { rejectionOf } from '../../../helpers/errors';

interface Received {
  commands: string[];
  data: string;
}

/**
 * A tiny SMTP server on 127.0.0.1 (no TLS): enough of RFC 5321 for one message, with AUTH PLAIN, and a
 * way to refuse the recipient. What a client sent is kept for the test to read.
 */
async function smtpServer(options: { refuseRecipient?: boolean } = {}): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = net.createServer((socket) => {
    const session: Received = { commands: [], data: '' };
    received.push(session);
    let buffer = '';
    let inData = false;
    socket.write('220 localhost ESMTP test\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write('250 2.0.0 queued\r\n');
          } else session.data += `${line}\n`;
          continue;
        }
        session.commands.push(line);
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO') socket.write('250-localhost\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n');
        else if (verb === 'AUTH') socket.write('235 2.7.0 authenticated\r\n');
        else if (verb === 'MAIL') socket.write('250 2.1.0 ok\r\n');
        else if (verb === 'RCPT') socket.write(options.refuseRecipient ? '550 5.1.1 no such user\r\n' : '250 2.1.5 ok\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else if (verb === 'RSET') socket.write('250 ok\r\n');
        else socket.write('502 not implemented\r\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const message = { to: 'user@example.com', key: 'ACCOUNT_EMAIL_CODE', code: '123456', subject: '您的账号验证码', text: '您的验证码为123456，10分钟内有效。' };

describe('SmtpMailDriver (nodemailer) against a local SMTP server', () => {
  it('authenticates and delivers one message: from, to, subject and the text with its code', async () => {
    const smtp = await smtpServer();
    try {
      const driver = new SmtpMailDriver({ host: '127.0.0.1', port: smtp.port, secure: false, user: 'mailer', password: 'pa55', from: 'Yaf <noreply@example.com>' });
      await driver.send(message);
      const session = smtp.received[0];
      const auth = session.commands.find((c) => c.startsWith('AUTH PLAIN'))!;
      expect(Buffer.from(auth.split(' ')[2], 'base64').toString('utf8')).to.equal('\u0000mailer\u0000pa55');
      expect(session.commands).to.include('MAIL FROM:<noreply@example.com>');
      expect(session.commands).to.include('RCPT TO:<user@example.com>');
      expect(session.data).to.match(/^To: user@example.com$/m);
      expect(session.data).to.match(/^From: Yaf <noreply@example.com>$/m);
      const subject = /^Subject: =\?UTF-8\?B\?([^?]+)\?=$/m.exec(session.data)![1];
      expect(Buffer.from(subject, 'base64').toString('utf8')).to.equal(message.subject);
      expect(session.data).to.match(/^Content-Transfer-Encoding: base64$/m);
      const body = session.data.slice(session.data.indexOf('\n\n') + 2);
      expect(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')).to.equal(message.text);
    } finally {
      await smtp.close();
    }
  });

  it('a refused recipient is a MailDeliveryError carrying the server answer', async () => {
    const smtp = await smtpServer({ refuseRecipient: true });
    try {
      const driver = new SmtpMailDriver({ host: '127.0.0.1', port: smtp.port, secure: false, user: '', password: '', from: 'noreply@example.com' });
      const err = await rejectionOf(driver.send(message));
      expect(err).to.be.instanceOf(MailDeliveryError);
      expect(err.message).to.match(/^smtp: .*550/);
      expect(smtp.received[0].commands.some((c) => c.startsWith('AUTH'))).to.equal(false);
    } finally {
      await smtp.close();
    }
  });

  it('a server that is not there is a MailDeliveryError, not a hang', async () => {
    const smtp = await smtpServer();
    const { port } = smtp;
    await smtp.close();
    const driver = new SmtpMailDriver({ host: '127.0.0.1', port, secure: false, user: '', password: '', from: 'noreply@example.com' });
    const err = await rejectionOf(driver.send(message));
    expect(err).to.be.instanceOf(MailDeliveryError);
    expect(err.message).to.contain('ECONNREFUSED');
  });
});
