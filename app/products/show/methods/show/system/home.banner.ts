import { pageBanners } from '../../../bannerMethods';

export const showHomeBanner = pageBanners('home', 'The home page banners, in their back-office order.');
