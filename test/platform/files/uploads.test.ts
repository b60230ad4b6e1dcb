import { scratchDir } from '../../helpers/scratch';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { FILE_CATEGORIES } from '../../../app/platform/files/categories';
import { FileStatus, OwnerType, uploadService, type FileOwner, type UploadAnswer, type UploadService } from '../../../app/platform/files/uploads';
import { rejectionOf } from '../../helpers/errors';
import { startTestServer, type TestServer } from '../../helpers/harness';
import { filesBelow, imagePart, mimeOf, rawRequest, tinyImages } from '../../helpers/images';
import { createTestUser } from '../../helpers/users';

const alice: FileOwner = { type: OwnerType.USER, id: 101 };
const bob: FileOwner = { type: OwnerType.USER, id: 102 };
const b64 = (bytes: Buffer) => bytes.toString('base64');

/** A 503 refusal whose message matches. */
async function expectRefusal(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  const err = await rejectionOf(promise);
  expect(err.code, err.message).to.equal(503);
  expect(err.message).to.match(pattern);
}

describe('platform files: categories, base64, reserved ids, resolver', () => {
  let server: TestServer;
  let files: UploadService;

  before(async () => {
    server = await startTestServer();
    files = server.app.use(uploadService);
  });
  after(() => server.stop());

  const rowOf = (id: string | number) => server.app.db('files').where({ file_id: Number(id) }).first();
  const served = async (answer: UploadAnswer) => (await rawRequest(server.url, answer.relative_image_url)).body;
  const rowCount = async () => Number((await server.app.db('files').count({ n: '*' }).first())!.n);

  describe('categories', () => {
    it('records the category given, and `general` for system.upload', async () => {
      const avatar = await files.storeBase64(b64(tinyImages.png), alice, { category: 'avatar' });
      expect(await rowOf(avatar.file_id)).to.include({ category: 'avatar', owner_id: alice.id });

      const user = await createTestUser(server);
      const client = await server.client('app');
      const plain = await client.call<UploadAnswer>('system.upload', {}, { token: user.token, files: [imagePart(tinyImages.gif)] });
      expect(await rowOf(plain.data!.file_id)).to.include({ category: 'general', owner_id: user.id });
    });

    it('knows the uses the products need, and refuses any other as a programming error', async () => {
      expect(FILE_CATEGORIES).to.include.members(['general', 'avatar', 'article', 'cloth', 'property', 'shop', 'product', 'news', 'goods']);
      const err = await rejectionOf(files.storeBase64(b64(tinyImages.png), alice, { category: 'selfie' as never }));
      expect(err.code).to.equal(undefined);
      expect(err.message).to.match(/unknown file category "selfie"/);
    });
  });

  describe('base64 uploads', () => {
    for (const [ext, bytes] of Object.entries(tinyImages) as Array<[keyof typeof tinyImages, Buffer]>) {
      it(`stores a ${ext.toUpperCase()} from base64 by its bytes, served like a multipart upload`, async () => {
        const answer = await files.storeBase64(b64(bytes), alice, { category: 'product' });
        expect(answer.relative_image_url).to.match(new RegExp(`^/files/images/\\d{8}/[0-9a-f]{32}\\.${ext}$`));
        expect(answer.image_url).to.equal(`${server.config.uploads.baseUrl}${answer.relative_image_url}`);
        const row = await rowOf(answer.file_id);
        expect(row).to.include({ mime: mimeOf[ext], size: bytes.length, status: FileStatus.LIVE, category: 'product' });
        expect(row.sha256).to.equal(crypto.createHash('sha256').update(bytes).digest('hex'));
        expect((await served(answer)).equals(bytes)).to.equal(true);
      });
    }

    it('accepts a data: URL prefix and line breaks (what browsers and MIME encoders send)', async () => {
      const wrapped = `data:image/png;base64,${b64(tinyImages.png).replace(/(.{20})/g, '$1\r\n')}`;
      const answer = await files.storeBase64(wrapped, alice);
      expect((await served(answer)).equals(tinyImages.png)).to.equal(true);
    });

    it('refuses a disguised non-image and keeps nothing', async () => {
      const before = { disk: filesBelow(server.config.uploads.dir), rows: await rowCount() };
      const html = Buffer.from('<svg onload="alert(1)"></svg>'.repeat(3));
      await expectRefusal(files.storeBase64(`data:image/png;base64,${b64(html)}`, alice, { declaredType: 'image/png' }), /not a JPEG, PNG, GIF or WebP/);
      await expectRefusal(files.storeBase64(b64(Buffer.from('RIFF\0\0\0\0WAVEfmt ')), alice), /not a JPEG/);
      expect(filesBelow(server.config.uploads.dir)).to.deep.equal(before.disk);
      expect(await rowCount()).to.equal(before.rows);
    });

    it('refuses what is not base64, and an empty string, with a clear 503', async () => {
      for (const bad of ['!!!!', 'iVBORw0KGgo', 'iVBO-w0_Ggo=', `${b64(tinyImages.png)}===`, 42, null, { base64: 'x' }]) {
        await expectRefusal(files.storeBase64(bad, alice), /not valid base64/);
      }
      await expectRefusal(files.storeBase64('  \r\n', alice), /no file/);
    });

    it('refuses a file over the method\'s own limit and over the configured one, judged by the decoded size', async () => {
      const big = Buffer.concat([tinyImages.png, crypto.randomBytes(2048)]);
      await expectRefusal(files.storeBase64(b64(big), alice, { maxBytes: 1024 }), /too large \(at most 1 KB\)/);
      // Exactly at the limit passes: the encoded length (a third more) is not what counts.
      const exact = Buffer.concat([tinyImages.png, crypto.randomBytes(1024 - tinyImages.png.length)]);
      expect((await files.storeBase64(b64(exact), alice, { maxBytes: 1024 })).file_id).to.match(/^\d+$/);
      // A method cannot raise the configured upload limit.
      const huge = Buffer.concat([tinyImages.png, Buffer.alloc(server.config.http.uploadLimitBytes)]);
      await expectRefusal(files.storeBase64(b64(huge), alice, { maxBytes: 100 * 1024 * 1024 }), /too large/);
    });

    it('checks a declared type against the bytes (mime or extension)', async () => {
      for (const declared of ['image/jpeg', 'jpeg', 'JPG', '.jpg']) {
        expect((await files.storeBase64(b64(tinyImages.jpg), alice, { declaredType: declared })).relative_image_url).to.match(/\.jpg$/);
      }
      await expectRefusal(files.storeBase64(b64(tinyImages.jpg), alice, { declaredType: 'png' }), /declared type does not match the file content \(image\/jpeg\)/);
      await expectRefusal(files.storeBase64(b64(tinyImages.jpg), alice, { declaredType: 'image/svg+xml' }), /declared type does not match/);
    });
  });

  describe('named files (unique within a category)', () => {
    it('replaces the owner\'s bytes under the same id and refuses the name to anyone else', async () => {
      const first = await files.storeBase64(b64(tinyImages.png), alice, { category: 'shop', name: 'logo_1' });
      const again = await files.storeBase64(b64(tinyImages.gif), alice, { category: 'shop', name: 'logo_1' });
      expect(again.file_id).to.equal(first.file_id);
      expect(again.relative_image_url).not.to.equal(first.relative_image_url);
      expect((await rawRequest(server.url, first.relative_image_url)).status).to.equal(404);
      expect((await served(again)).equals(tinyImages.gif)).to.equal(true);
      expect(await rowOf(first.file_id)).to.include({ name: 'logo_1', mime: 'image/gif' });

      await expectRefusal(files.storeBase64(b64(tinyImages.png), bob, { category: 'shop', name: 'logo_1' }), /name is taken by another user/);
      // The same name in another category is another file.
      const other = await files.storeBase64(b64(tinyImages.png), bob, { category: 'product', name: 'logo_1' });
      expect(other.file_id).not.to.equal(first.file_id);
      await expectRefusal(files.storeBase64(b64(tinyImages.png), bob, { category: 'product', name: '../x' }), /file name must be/);
    });
  });

  describe('reserved ids', () => {
    it('reserves an id that one upload of its owner fills, once', async () => {
      const id = await files.reserve(alice, 'article');
      expect(await rowOf(id)).to.include({ status: FileStatus.RESERVED, category: 'article', path: null });
      await expectRefusal(files.resolve(id), /image not found/);

      await expectRefusal(files.storeBase64(b64(tinyImages.png), bob, { reservedId: id }), /media id is unknown, already used or expired/);
      const filled = await files.storeBase64(b64(tinyImages.webp), alice, { reservedId: String(id), category: 'avatar' });
      expect(filled.file_id).to.equal(String(id));
      // The reservation decided the category.
      expect(await rowOf(id)).to.include({ status: FileStatus.LIVE, category: 'article', mime: 'image/webp' });
      expect((await files.resolve(id)).url).to.equal(filled.image_url);

      await expectRefusal(files.storeBase64(b64(tinyImages.png), alice, { reservedId: id }), /already used/);
      expect((await served(filled)).equals(tinyImages.webp)).to.equal(true);
    });

    it('fills a reservation from a multipart upload too, and refuses ids that were never reserved', async () => {
      const id = await files.reserve(alice);
      // A part on disk, as the multipart parser leaves it.
      const part = path.join(scratchDir('yaf-part'), 'image');
      fs.writeFileSync(part, tinyImages.png);
      const upload = { field: 'image', path: part, size: tinyImages.png.length, originalName: 'a.png', declaredType: 'image/png' };
      const filled = await files.storeImage([upload], alice, { reservedId: id });
      expect(filled.file_id).to.equal(String(id));
      for (const bogus of [999_999, 0, -1, 'abc', 1.5]) {
        await expectRefusal(files.storeBase64(b64(tinyImages.png), alice, { reservedId: bogus as number }), /media id is unknown/);
      }
    });

    it('limits the ids one owner holds unfilled', async () => {
      const owner: FileOwner = { type: OwnerType.USER, id: 555 };
      for (let i = 0; i < server.config.uploads.maxPendingReservations; i++) await files.reserve(owner);
      await expectRefusal(files.reserve(owner), /too many pending media ids/);
      // Someone else is not affected.
      expect(await files.reserve({ type: OwnerType.USER, id: 556 })).to.be.a('number');
    });

    it('cannot be filled once its hour is over, even before the expiry job has run', async () => {
      const id = await files.reserve(bob);
      server.clock.advance(server.config.uploads.reservationTtlSec * 1000);
      await expectRefusal(files.storeBase64(b64(tinyImages.png), bob, { reservedId: id }), /expired/);
    });
  });

  describe('the resolver: a file id or a URL of ours → the absolute URL', () => {
    let stored: UploadAnswer;
    before(async () => {
      stored = await files.storeBase64(b64(tinyImages.png), alice, { category: 'article' });
    });

    it('accepts the id (number or string), the absolute URL and the relative URL alike', async () => {
      for (const ref of [Number(stored.file_id), stored.file_id, ` ${stored.file_id} `, stored.image_url, stored.relative_image_url]) {
        const resolved = await files.resolve(ref);
        expect(resolved).to.deep.equal({ file_id: Number(stored.file_id), url: stored.image_url, relative_url: stored.relative_image_url });
      }
      expect(await files.resolveUrls([stored.file_id, stored.relative_image_url])).to.deep.equal([stored.image_url, stored.image_url]);
    });

    it('refuses foreign URLs and anything that is not a reference, naming the parameter', async () => {
      const foreign = [
        `https://evil.example.com${stored.relative_image_url}`,
        stored.image_url.replace('http://', 'https://'),
        `${stored.image_url}?x=1`,
        `${stored.image_url}#frag`,
        `${server.config.uploads.baseUrl}/other/${stored.relative_image_url}`,
        `${server.config.uploads.baseUrl}/files/../secret.txt`,
        'javascript:alert(1)',
        '',
        0,
        -3,
        null,
        { file_id: 1 },
      ];
      for (const ref of foreign) await expectRefusal(files.resolve(ref, { label: 'avatar' }), /^avatar: give a file id or a URL of this server's files$/);
    });

    it('refuses unknown ids, unknown paths of ours, deleted files and other owners\' files', async () => {
      await expectRefusal(files.resolve(987_654_321), /^image: image not found$/);
      await expectRefusal(files.resolve(`${server.config.uploads.baseUrl}/files/images/20200101/none.png`), /image not found/);
      const gone = await files.storeBase64(b64(tinyImages.gif), alice);
      await server.app.db('files').where({ file_id: Number(gone.file_id) }).update({ status: FileStatus.DELETED });
      await expectRefusal(files.resolve(gone.image_url), /image not found/);
      await expectRefusal(files.resolve(stored.file_id, { owner: bob, label: 'cover' }), /^cover: image not yours$/);
      expect((await files.resolve(stored.file_id, { owner: alice })).url).to.equal(stored.image_url);
      await expectRefusal(files.resolveUrls([stored.file_id, 987_654_321]), /^images\[1\]: image not found$/);
    });
  });

  describe('behind a base URL with a path', () => {
    let proxied: TestServer;
    before(async () => {
      proxied = await startTestServer({ uploads: { baseUrl: 'https://cdn.example.com/api/' } });
    });
    after(() => proxied.stop());

    it('answers and recognises URLs below that path only', async () => {
      const service = proxied.app.use(uploadService);
      const answer = await service.storeBase64(b64(tinyImages.png), alice);
      expect(answer.image_url).to.equal(`https://cdn.example.com/api${answer.relative_image_url}`);
      expect((await service.resolve(answer.image_url)).file_id).to.equal(Number(answer.file_id));
      expect((await service.resolve(answer.relative_image_url)).url).to.equal(answer.image_url);
      await expectRefusal(service.resolve(`https://cdn.example.com${answer.relative_image_url}`), /URL of this server's files/);
    });
  });
});

