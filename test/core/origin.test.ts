import { expect } from 'chai';
import { MAX_ORIGINS_PER_APPID, parseOrigin, parseOriginList } from '../../app/core/origin';

describe('origins as appids list them', () => {
  it('are kept in the form browsers send: lowercase, default port dropped, trailing slash dropped', () => {
    expect(parseOrigin('HTTPS://M.Example.COM:443/')).to.equal('https://m.example.com');
    expect(parseOrigin(' http://127.0.0.1:8080 ')).to.equal('http://127.0.0.1:8080');
    expect(parseOrigin('http://[::1]:3000')).to.equal('http://[::1]:3000');
    expect(parseOrigin('https://例子.中国')).to.equal('https://xn--fsqu00a.xn--fiqs8s');
  });

  it('refuse what would never equal an Origin header, or would match more than one page', () => {
    for (const bad of ['*', 'https://*.example.com', 'null', '', 'example.com', 'ftp://example.com', 'file:///x', 'https://example.com/h5', 'https://example.com?x=1', 'https://example.com#a', 'https://u:p@example.com', `https://${'a'.repeat(200)}.com`]) {
      expect(() => parseOrigin(bad), bad).to.throw();
    }
  });

  it('a list drops repeats and is bounded', () => {
    expect(parseOriginList('https://a.example, https://A.example/ https://b.example:8443')).to.deep.equal(['https://a.example', 'https://b.example:8443']);
    expect(parseOriginList('')).to.deep.equal([]);
    const many = Array.from({ length: MAX_ORIGINS_PER_APPID + 1 }, (_, i) => `https://h${i}.example`).join(',');
    expect(() => parseOriginList(many)).to.throw(/at most/);
  });
});
