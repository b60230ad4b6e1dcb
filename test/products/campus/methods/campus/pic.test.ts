import { expect } from 'chai';
import { mimeOf, tinyImages } from '../../../../helpers/images';
import { okData, refusedWith, useCampusServer } from '../../helpers';

const b64 = (bytes: Buffer) => bytes.toString('base64');

describe('campus pic.* and portrait.*', () => {
  const f = useCampusServer();

  it('pic.upload stores each image type under its category and name; pic.get answers the URL, which serves the bytes', async () => {
    const user = await f.student();
    for (const [from, kind] of [['property', 'png'], ['shop', 'jpg'], ['product', 'gif'], ['portrait', 'webp']] as const) {
      const name = `pic_${kind}_${user.id}`;
      const { url } = okData(await f.as(user)<{ url: string }>('pic.upload', { from, base64: b64(tinyImages[kind]), name }));
      expect(url).to.match(new RegExp(`^https?://.+/files/images/\\d{8}/[0-9a-f]{32}\\.${kind}$`));
      const row = await f.server.app.db('files').where({ name }).first();
      expect(row).to.include({ category: from === 'portrait' ? 'avatar' : from, owner_id: user.id, mime: mimeOf[kind] });
      expect(okData(await f.campus.call('pic.get', { from, name }))).to.deep.equal({ url });
      const served = await fetch(`${f.server.url}${new URL(url).pathname}`);
      expect(served.status).to.equal(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(tinyImages[kind])).to.equal(true);
    }
  });

  it('the default name is the MD5 of the bytes; the same bytes from someone else answer the same file', async () => {
    const a = await f.student();
    const b = await f.student();
    const bytes = Buffer.concat([tinyImages.png, Buffer.from(`pad${a.id}`)]);
    const first = okData(await f.as(a)<{ url: string }>('pic.upload', { from: 'shop', base64: b64(bytes) }));
    const md5 = require('node:crypto').createHash('md5').update(bytes).digest('hex') as string;
    expect(okData(await f.campus.call('pic.get', { from: 'shop', name: md5 }))).to.deep.equal(first);
    expect(okData(await f.as(b)('pic.upload', { from: 'shop', base64: b64(bytes) }))).to.deep.equal(first);
    expect(Number((await f.server.app.db('files').where({ category: 'shop', name: md5 }).count({ n: '*' }))[0].n)).to.equal(1);
  });

  it('refuses a bad from, a name taken by another user, a disguised non-image, bad base64 and > 1024 KB; nothing stored', async () => {
    const a = await f.student();
    const b = await f.student();
    okData(await f.as(a)('pic.upload', { from: 'product', base64: b64(tinyImages.png), name: 'taken_name' }));
    const before = Number((await f.server.app.db('files').count({ n: '*' }))[0].n);
    refusedWith(await f.as(b)('pic.upload', { from: 'product', base64: b64(tinyImages.png), name: 'taken_name' }), /taken by another user/);
    refusedWith(await f.as(a)('pic.upload', { from: 'avatar', base64: b64(tinyImages.png) }), /from/);
    const disguised = Buffer.concat([Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), Buffer.alloc(16)]);
    refusedWith(await f.as(a)('pic.upload', { from: 'product', base64: `data:image/png;base64,${b64(disguised)}`, name: 'disguised' }), /not a JPEG, PNG, GIF or WebP/);
    refusedWith(await f.as(a)('pic.upload', { from: 'product', base64: 'not base64!!' }), /base64/);
    const big = Buffer.concat([tinyImages.png, Buffer.alloc(1024 * 1024)]);
    refusedWith(await f.as(a)('pic.upload', { from: 'product', base64: b64(big) }), /too large/);
    refusedWith(await f.as(a)('pic.upload', { from: 'product', base64: b64(tinyImages.png), name: '../etc' }), /name/);
    expect(Number((await f.server.app.db('files').count({ n: '*' }))[0].n)).to.equal(before);
    expect((await f.campus.call('pic.upload', { from: 'product', base64: b64(tinyImages.png) })).code).to.equal(602);
    refusedWith(await f.campus.call('pic.get', { from: 'product', name: 'nothing_here' }), /picture not found/);
    refusedWith(await f.campus.call('pic.get', { from: 'nowhere', name: 'taken_name' }), /from/);
  });

  it('a near-1024 KB picture passes the transport (the method\'s own body limit)', async () => {
    const user = await f.student();
    const big = Buffer.concat([tinyImages.png, Buffer.alloc(1000 * 1024)]);
    const { url } = okData(await f.as(user)<{ url: string }>('pic.upload', { from: 'property', base64: b64(big) }));
    expect(url).to.match(/\.png$/);
  });

  it('portrait.upload replaces the caller\'s avatar (users.headimg); type must match; portrait.get answers it or the default', async () => {
    const user = await f.student();
    const fallback = okData(await f.campus.call<{ url: string }>('portrait.get', { id: user.id }));
    expect(fallback.url).to.match(/\/files\/images\/.+\.png$/);
    expect((await fetch(`${f.server.url}${new URL(fallback.url).pathname}`)).status).to.equal(200);
    for (const [kind, type] of [['png', 'image/png'], ['jpg', 'jpeg'], ['gif', 'gif'], ['webp', 'image/webp']] as const) {
      const { url } = okData(await f.as(user)<{ url: string }>('portrait.upload', { base64: b64(tinyImages[kind]), type, id: 999 }));
      expect(url).to.match(new RegExp(`\\.${kind}$`));
      expect(okData(await f.campus.call('portrait.get', { id: user.id }))).to.deep.equal({ url });
    }
    expect(Number((await f.server.app.db('files').where({ category: 'avatar', owner_id: user.id }).count({ n: '*' }))[0].n)).to.equal(1);
    refusedWith(await f.as(user)('portrait.upload', { base64: b64(tinyImages.png), type: 'image/gif' }), /does not match/);
    refusedWith(await f.as(user)('portrait.upload', { base64: b64(Buffer.from('plain text pretending')), type: 'png' }), /not a JPEG, PNG, GIF or WebP/);
    refusedWith(await f.as(user)('portrait.upload', { base64: b64(tinyImages.png) }), /type/);
    refusedWith(await f.campus.call('portrait.get', { id: 'abc' }), /id/);
    expect(okData(await f.campus.call('portrait.get', { id: 2_000_000_000 }))).to.deep.equal(fallback);
  });
});
