import { expect } from 'chai';
import zlib from 'node:zlib';
import { captchaProof } from '../../../../../app/platform/verify/captcha/captchas';
import { okData, refusedWith, useCampusServer } from '../../helpers';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The pixels of an 8-bit RGB PNG with filter 0 rows, as img.generate writes it. */
function decodePng(png: Buffer): { width: number; height: number; rgb: Buffer } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).to.equal(true);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).to.deep.equal([8, 2]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  expect(raw.length).to.equal((width * 3 + 1) * height);
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) raw.copy(rgb, y * width * 3, y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1));
  return { width, height, rgb };
}

describe('campus img.generate / img.validate', () => {
  const f = useCampusServer();

  it('answers a real PNG (base64) with ink and noise, and a 5-character rand; the code goes to the outbox', async () => {
    const data = okData(await f.campus.call<{ imgdata: string; rand: string }>('img.generate'));
    expect(data).to.have.all.keys('imgdata', 'rand');
    expect(data.rand).to.match(/^[A-Z0-9]{5}$/);
    const png = Buffer.from(data.imgdata, 'base64');
    const { width, height, rgb } = decodePng(png);
    expect([width, height]).to.deep.equal([160, 60]);
    let dark = 0;
    const colours = new Set<number>();
    for (let i = 0; i < rgb.length; i += 3) {
      if (rgb[i] + rgb[i + 1] + rgb[i + 2] < 360) dark++;
      colours.add((rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2]);
    }
    // Five glyphs of ink, but far from a filled image; a noisy background of many shades.
    expect(dark).to.be.within(600, width * height * 0.5);
    expect(colours.size).to.be.greaterThan(200);
    const code = f.captchaCode(data.rand);
    expect(code).to.match(/^[A-HJKMNP-Z2-9]{5}$/);
    const again = okData(await f.campus.call<{ imgdata: string; rand: string }>('img.generate'));
    expect(again.imgdata).not.to.equal(data.imgdata);
  });

  it('img.validate accepts MD5(lowercase code + rand) repeatedly without using it up; wrong, upper-case-code or expired proofs are 503', async () => {
    const { rand } = okData(await f.campus.call<{ rand: string }>('img.generate'));
    const code = f.captchaCode(rand);
    const proof = captchaProof(code, rand);
    okData(await f.campus.call('img.validate', { hash: proof }));
    okData(await f.campus.call('img.validate', { hash: proof.toUpperCase() }));
    expect(await f.server.app.kv.get(`captcha:${proof}`)).to.equal('1');
    const upperCode = require('node:crypto').createHash('md5').update(code.toUpperCase() + rand).digest('hex') as string;
    if (code.toUpperCase() !== code.toLowerCase()) refusedWith(await f.campus.call('img.validate', { hash: upperCode }), /captcha wrong or expired/);
    refusedWith(await f.campus.call('img.validate', { hash: captchaProof('zzzzz', rand) }), /captcha wrong or expired/);
    refusedWith(await f.campus.call('img.validate', { hash: 'not-a-hash' }), /hash/);
    refusedWith(await f.campus.call('img.validate', {}), /hash/);
    f.server.clock.advance(5 * 60_000 + 1000);
    if (!process.env.REDIS_URL) refusedWith(await f.campus.call('img.validate', { hash: proof }), /captcha wrong or expired/);
  });
});
