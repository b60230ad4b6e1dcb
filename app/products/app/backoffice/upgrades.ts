import Joi from 'joi';
import { APP_PLATFORMS, UPGRADE_WAY } from '../services/content/upgrades';
import { crudFamily } from './crud';
import { flag, linkUrl, optionalText } from './fields';

const appType = () => Joi.number().integer().valid(...Object.values(APP_PLATFORMS));

// `app_v` and `channel` are also fixed protocol parameters that clients send as '' when they have none, so
// '' means "not given" here: edit leaves them alone, add requires app_v and defaults channel to ''.

/** Upgrade rules: one row per (platform, app version, Android channel); see UpgradeService for how they answer. */
export const upgradesAdmin = crudFamily({
  table: 'app_upgrades',
  id: 'id',
  noun: 'the upgrade rule',
  status: 'status',
  fields: {
    app_type: appType(),
    // No leading zeros: "01.0.0" and "1.0.0" would be two rows for one version.
    app_v: Joi.string()
      .trim()
      .empty('')
      .pattern(/^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){2}$/)
      .messages({ 'string.pattern.base': '{{#label}} must be a version X.Y.Z without leading zeros' }),
    app_title: optionalText(20),
    app_desc: optionalText(2000),
    url: linkUrl().allow(''),
    upgrade_way: Joi.number().integer().valid(...Object.values(UPGRADE_WAY)),
    dialog_repeat: flag(),
    channel: Joi.string().trim().empty('').max(32).pattern(/^[\w.-]+$/),
    status: flag(),
  },
  required: ['app_type', 'app_v'],
  defaults: { app_title: '', app_desc: '', url: '', upgrade_way: UPGRADE_WAY.NONE, dialog_repeat: 0, channel: '', status: 1 },
  filters: { app_type: { schema: appType() }, status: { schema: Joi.number().integer().valid(0, 1, 2) } },
  taken: 'an upgrade rule for this platform, version and channel exists',
});
