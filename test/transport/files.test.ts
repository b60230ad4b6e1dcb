import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { unixSeconds } from '../../app/core/clock';
import type { UploadAnswer } from '../../app/platform/files/uploads';
import { startTestServer, type TestServer } from '../helpers/harness';
import { imagePart, rawRequest, tinyImages } from '../helpers/images';
import { createTestUser } from '../helpers/users';

describe('GET /files/...', () => {
  let server: TestServer;
  let uploaded: UploadAnswer;

  before(async () => {
    server = await startTestServer();
    const client = await server.client('app');
    const user = await createTestUser(server);
    uploaded = (await client.call<UploadAnswer>('system.upload', {}, { token: user.token, files: [imagePart(tinyImages.webp, 'w.webp', 'image/webp')] })).data!;
  });
  after(() => server.stop());

  const expectNotFound = async (rawPath: string) => {
    const res = await rawRequest(server.url, rawPath);
    expect(res.status, rawPath).to.equal(404);
    expect(JSON.parse(res.body.toString())).to.deep.equal({ code: 404, msg: 'not found' });
  };

  it('serves a recorded file with its type, nosniff and a long cache', async () => {
    const res = await rawRequest(server.url, uploaded.relative_image_url);
    expect(res.status).to.equal(200);
    expect(res.body.equals(tinyImages.webp)).to.equal(true);
    expect(res.headers['content-type']).to.equal('image/webp');
    expect(res.headers['content-length']).to.equal(String(tinyImages.webp.length));
    expect(res.headers['x-content-type-options']).to.equal('nosniff');
    expect(res.headers['cache-control']).to.match(/max-age=\d{7,}/);
  });

  it('answers HEAD with the headers only', async () => {
    const res = await rawRequest(server.url, uploaded.relative_image_url, 'HEAD');
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('image/webp');
    expect(res.body.length).to.equal(0);
  });

  it('serves by the recorded type, never by the name', async () => {
    const relative = 'images/20200101/disguised.png';
    fs.mkdirSync(path.join(server.config.uploads.dir, 'images/20200101'), { recursive: true });
    fs.writeFileSync(path.join(server.config.uploads.dir, relative), tinyImages.gif);
    const now = unixSeconds(server.clock);
    await server.app.db('files').insert({ owner_type: 1, owner_id: 1, path: relative, mime: 'image/gif', size: tinyImages.gif.length, sha256: '0'.repeat(64), status: 1, c_time: now, u_time: now });
    const res = await rawRequest(server.url, `/files/${relative}`);
    expect(res.headers['content-type']).to.equal('image/gif');
  });

  it('404s a file on disk that is not recorded, and a deleted one', async () => {
    const stray = 'images/20200101/stray.png';
    fs.mkdirSync(path.join(server.config.uploads.dir, 'images/20200101'), { recursive: true });
    fs.writeFileSync(path.join(server.config.uploads.dir, stray), tinyImages.png);
    await expectNotFound(`/files/${stray}`);

    await server.app.db('files').where({ file_id: Number(uploaded.file_id) }).update({ status: 2 });
    await expectNotFound(uploaded.relative_image_url);
    await server.app.db('files').where({ file_id: Number(uploaded.file_id) }).update({ status: 1 });
  });

  it('404s unknown paths, the bare prefix and malformed escapes', async () => {
    for (const p of ['/files/images/20200101/none.png', '/files', '/files/', '/files/%E0%A4%A']) await expectNotFound(p);
  });

  it('refuses path traversal, plain or encoded, even onto a recorded path', async () => {
    const relative = uploaded.relative_image_url.replace('/files/', '');
    const outside = path.join(path.dirname(server.config.uploads.dir), 'secret.txt');
    fs.writeFileSync(outside, 'secret');
    const now = unixSeconds(server.clock);
    // A row that points outside the directory must not make the file reachable either.
    await server.app.db('files').insert({ owner_type: 1, owner_id: 1, path: '../secret.txt', mime: 'text/plain', size: 6, sha256: '0'.repeat(64), status: 1, c_time: now, u_time: now });
    for (const p of [
      '/files/../secret.txt',
      '/files/..%2fsecret.txt',
      '/files/%2e%2e/secret.txt',
      '/files/images/..%2f..%2fsecret.txt',
      '/files/%2Fetc%2Fpasswd',
      `/files/images%5C..%5C..%5C${relative}`,
      `/files/${relative}%00.png`,
    ]) {
      const res = await rawRequest(server.url, p);
      expect(res.status, p).to.equal(404);
      expect(res.body.toString()).not.to.contain('secret');
    }
    // A harmless `./` inside the directory still finds the recorded file.
    const res = await rawRequest(server.url, `/files/images/./${relative.slice('images/'.length)}`);
    expect(res.status).to.equal(200);
  });
});
