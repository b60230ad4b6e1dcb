import { uploadService } from '../../files/uploads';
import { defineJob } from '../job';

/** Reserved media ids (show `get.media.id`) nobody uploaded with within the hour. */
export const filesExpire = defineJob({
  name: 'platform.files.expire',
  summary: 'marks reserved file ids unfilled after uploads.reservationTtlSec as expired',
  everyMs: 5 * 60_000,
  async run(app) {
    return { expired: await app.use(uploadService).expireReservations() };
  },
});
