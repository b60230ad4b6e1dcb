import { expect } from 'chai';
import { categoryService, CODE_LENGTH, MAX_DEPTH, subtreePrefix } from '../../../../../app/products/app/services/content/categories';
import { insertId } from '../../../../../app/storage/db';
import { rejectionOf } from '../../../../helpers/errors';
import { startTestServer, type TestServer } from '../../../../helpers/harness';

describe('services/content/categories', () => {
  let server: TestServer;
  const add = async (parentid: number, status = 1) => {
    const code = await server.app.use(categoryService).allocateCode(server.app.db, parentid);
    const id = await insertId(server.app.db('categories').insert({ cat_name: 'c', cat_type: 1, parentid, ...code, status }));
    return { id, ...code };
  };

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it('numbers siblings from 100 under the parent code, padded to 30, never reusing a deleted number', async () => {
    const root = await add(0);
    expect(root).to.include({ cat_code: '100'.padEnd(CODE_LENGTH, '0'), lv: 1 });
    expect((await add(0, 2)).cat_code.slice(0, 3)).to.equal('101');
    expect((await add(0)).cat_code.slice(0, 3)).to.equal('102');
    const child = await add(root.id);
    expect(child).to.include({ cat_code: '100100'.padEnd(CODE_LENGTH, '0'), lv: 2 });
    expect((await add(root.id)).cat_code.slice(0, 6)).to.equal('100101');
    expect(subtreePrefix(child)).to.equal('100100');
  });

  it(`refuses an unknown parent and a level deeper than ${MAX_DEPTH}`, async () => {
    expect((await rejectionOf(server.app.use(categoryService).allocateCode(server.app.db, 999999))).message).to.equal(
      'the parent category does not exist',
    );
    let parent = (await add(0)).id;
    for (let lv = 2; lv <= MAX_DEPTH; lv++) parent = (await add(parent)).id;
    const err = await rejectionOf(server.app.use(categoryService).allocateCode(server.app.db, parent));
    expect(err.code).to.equal(503);
  });
});
