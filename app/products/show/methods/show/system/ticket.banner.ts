import { pageBanners } from '../../../bannerMethods';

export const showTicketBanner = pageBanners('ticket', 'The ticket page banners, in their back-office order.');
