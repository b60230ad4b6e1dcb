import { expect } from 'chai';
import { FileStatus, OwnerType, uploadService } from '../../../../../app/platform/files/uploads';
import { jobRunner } from '../../../../../app/platform/jobs/runner';
import { ok, refused } from '../../../../helpers/admin';
import { startTestServer, type TestClient, type TestServer } from '../../../../helpers/harness';
import { tinyImages } from '../../../../helpers/images';

describe('admin job.run, and platform.files.expire', () => {
  let server: TestServer;
  let admin: TestClient;
  const owner = { type: OwnerType.USER, id: 9 };

  before(async () => {
    server = await startTestServer();
    admin = await server.client('admin');
  });
  after(() => server.stop());

  const statusOf = async (id: number) => Number((await server.app.db('files').where({ file_id: id }).first('status')).status);

  it('runs platform.files.expire through the signed endpoint: reservations unused for the hour expire, others stay', async () => {
    const files = server.app.use(uploadService);
    const stale = [await files.reserve(owner), await files.reserve(owner, 'article')];
    const filledLater = await files.reserve(owner);
    await files.storeBase64(tinyImages.png.toString('base64'), owner, { reservedId: filledLater });
    server.clock.advance(server.config.uploads.reservationTtlSec * 1000 - 1000);
    const fresh = await files.reserve(owner);
    server.clock.advance(1000);

    const data = ok(await admin.call<{ name: string; duration_ms: number; counts: Record<string, number> }>('job.run', { name: 'platform.files.expire' }));
    expect(data).to.have.all.keys('name', 'duration_ms', 'counts');
    expect(data.name).to.equal('platform.files.expire');
    expect(data.duration_ms).to.be.a('number').and.at.least(0);
    expect(data.counts).to.deep.equal({ expired: 2 });
    for (const id of stale) expect(await statusOf(id)).to.equal(FileStatus.EXPIRED);
    expect(await statusOf(filledLater)).to.equal(FileStatus.LIVE);
    expect(await statusOf(fresh)).to.equal(FileStatus.RESERVED);
    // An expired id can never be filled, and a second run finds nothing more.
    const late = await files.storeBase64(tinyImages.png.toString('base64'), owner, { reservedId: stale[0] }).catch((err: Error) => err);
    expect((late as Error).message).to.match(/expired/);
    expect(ok(await admin.call<{ counts: object }>('job.run', { name: 'platform.files.expire' })).counts).to.deep.equal({ expired: 0 });
  });

  it('the schedule runs it too, once per slot', async () => {
    await server.app.use(uploadService).reserve(owner);
    const pending = await server.app.db('files').where({ status: FileStatus.RESERVED }).count({ n: '*' }).first();
    server.clock.advance(server.config.uploads.reservationTtlSec * 1000);
    const runner = server.app.use(jobRunner);
    const runs = await runner.tick();
    expect(runs.find((r) => r.name === 'platform.files.expire')?.counts).to.deep.equal({ expired: Number(pending!.n) });
    expect((await runner.tick()).find((r) => r.name === 'platform.files.expire')).to.equal(undefined);
  });

  it('refuses an unknown or missing name, and exists for the admin namespace only', async () => {
    refused(await admin.call('job.run', { name: 'show.no.such.job' }), /^unknown job "show.no.such.job"$/);
    refused(await admin.call('job.run', {}), /"name" is required/);
    const app = await server.client('app');
    expect((await app.call('job.run', { name: 'platform.files.expire' })).code).to.equal(509);
  });
});
