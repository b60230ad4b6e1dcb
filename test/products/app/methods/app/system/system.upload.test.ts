import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { shanghaiDay } from '../../../../../../app/core/time';
import type { UploadAnswer } from '../../../../../../app/platform/files/uploads';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { filesBelow, imagePart, mimeOf, tinyImages } from '../../../../../helpers/images';
import { createTestUser, type TestUser } from '../../../../../helpers/users';

describe('system.upload', () => {
  let server: TestServer;
  let app: TestClient;
  let admin: TestClient;
  let user: TestUser;

  before(async () => {
    server = await startTestServer();
    app = await server.client('app');
    admin = await server.client('admin');
    user = await createTestUser(server);
  });
  after(() => server.stop());

  const rowCount = async () => Number((await server.app.db('files').count({ n: '*' }).first())!.n);

  for (const [ext, bytes] of Object.entries(tinyImages) as Array<[keyof typeof tinyImages, Buffer]>) {
    it(`stores a ${ext.toUpperCase()} by its bytes (declared as something else) and records it`, async () => {
      // A misleading name and type on purpose: only the bytes decide.
      const answer = await app.call<UploadAnswer>('system.upload', {}, { token: user.token, files: [imagePart(bytes, 'photo.bin', 'application/octet-stream')] });
      expect(answer.code).to.equal(200);
      expect(answer.msg).to.equal('上传成功');
      const data = answer.data!;
      expect(data).to.have.all.keys('file_id', 'image_url', 'relative_image_url');
      expect(data.file_id).to.be.a('string').and.match(/^\d+$/);
      const day = shanghaiDay(server.clock.now());
      expect(data.relative_image_url).to.match(new RegExp(`^/files/images/${day}/[0-9a-f]{32}\\.${ext}$`));
      expect(data.image_url).to.equal(`${server.config.uploads.baseUrl}${data.relative_image_url}`);

      const row = await server.app.db('files').where({ file_id: Number(data.file_id) }).first();
      expect(row).to.include({ owner_type: 2, owner_id: user.id, mime: mimeOf[ext], size: bytes.length, status: 1 });
      expect(row.sha256).to.equal(crypto.createHash('sha256').update(bytes).digest('hex'));
      expect(`/files/${row.path}`).to.equal(data.relative_image_url);
      expect(fs.readFileSync(path.join(server.config.uploads.dir, row.path)).equals(bytes)).to.equal(true);

      const served = await fetch(`${server.url}${data.relative_image_url}`);
      expect(served.status).to.equal(200);
      expect(served.headers.get('content-type')).to.equal(mimeOf[ext]);
      expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).to.equal(true);
    });
  }

  it('takes a File as a page holds it (the SDK sends Blob and File parts as they are, under their own name)', async () => {
    const file = new File([tinyImages.png], 'from-input.png', { type: 'image/png' });
    const answer = await app.call<UploadAnswer>('system.upload', {}, { token: user.token, files: [{ field: 'image', file }] });
    expect(answer.code, answer.msg).to.equal(200);
    const row = await server.app.db('files').where({ file_id: Number(answer.data!.file_id) }).first();
    expect(row).to.include({ owner_id: user.id, mime: 'image/png', size: tinyImages.png.length });
  });

  it('refuses a text file named x.png declared image/png and keeps nothing', async () => {
    const filesBefore = filesBelow(server.config.uploads.dir);
    const rowsBefore = await rowCount();
    const text = Buffer.from('<html><script>alert(1)</script></html>\n'.repeat(4));
    const answer = await app.call('system.upload', {}, { token: user.token, files: [imagePart(text, 'x.png', 'image/png')] });
    expect(answer.code).to.equal(503);
    expect(answer.msg).to.match(/not a JPEG, PNG, GIF or WebP/);
    expect(answer).not.to.have.property('data');
    expect(filesBelow(server.config.uploads.dir)).to.deep.equal(filesBefore);
    expect(await rowCount()).to.equal(rowsBefore);
  });

  it('refuses a truncated image header and a RIFF file that is not WebP', async () => {
    for (const bytes of [tinyImages.png.subarray(0, 5), Buffer.from('RIFF\0\0\0\0WAVEfmt ')]) {
      const answer = await app.call('system.upload', {}, { token: user.token, files: [imagePart(bytes)] });
      expect(answer.code).to.equal(503);
    }
  });

  it('an empty image part is judged like any other file: 503 not an image, nothing kept', async () => {
    const rowsBefore = await rowCount();
    const answer = await app.call('system.upload', {}, { token: user.token, files: [imagePart(new Uint8Array(0))] });
    expect(answer).to.deep.equal({ code: 503, msg: 'the file is not a JPEG, PNG, GIF or WebP image' });
    expect(await rowCount()).to.equal(rowsBefore);
  });

  it('answers 503 "no file" without an image part, also when the file comes under another name', async () => {
    const none = await app.call('system.upload', {}, { token: user.token });
    expect(none).to.include({ code: 503 });
    expect(none.msg).to.match(/no file/);
    const other = await app.call('system.upload', {}, { token: user.token, files: [{ ...imagePart(tinyImages.png), field: 'file' }] });
    expect(other.msg).to.match(/no file/);
  });

  it('needs a logged-in user in the app namespace', async () => {
    const answer = await app.call('system.upload', {}, { files: [imagePart(tinyImages.png)] });
    expect(answer.code).to.equal(602);
  });

  it('serves admins with admin_id as the owner', async () => {
    const missing = await admin.call('system.upload', {}, { files: [imagePart(tinyImages.gif)] });
    expect(missing.code).to.equal(503);
    expect(missing.msg).to.contain('admin_id');
    const answer = await admin.call<UploadAnswer>('system.upload', { admin_id: 7 }, { files: [imagePart(tinyImages.gif, 'a.gif', 'image/gif')] });
    expect(answer.code).to.equal(200);
    const row = await server.app.db('files').where({ file_id: Number(answer.data!.file_id) }).first();
    expect(row).to.include({ owner_type: 1, owner_id: 7, mime: 'image/gif' });
  });

  describe('over the size limit', () => {
    let small: TestServer;
    before(async () => {
      small = await startTestServer({ http: { uploadLimitBytes: 2048 } });
    });
    after(() => small.stop());

    it('answers HTTP 413 and leaves no file behind', async () => {
      const client = await small.client('app');
      const owner = await createTestUser(small);
      const big = Buffer.concat([tinyImages.png, crypto.randomBytes(4096)]);
      const answer = await client.call('system.upload', {}, { token: owner.token, files: [imagePart(big)] });
      expect(answer.code).to.equal(413);
      expect(filesBelow(small.config.uploads.dir)).to.deep.equal([]);
      expect(await small.app.db('files').count({ n: '*' }).first()).to.satisfy((r: { n: number | string }) => Number(r.n) === 0);

      const fits = await client.call('system.upload', {}, { token: owner.token, files: [imagePart(tinyImages.png)] });
      expect(fits.code).to.equal(200);
    });
  });
});
