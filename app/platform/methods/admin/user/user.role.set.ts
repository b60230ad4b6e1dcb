import Joi from 'joi';
import { adminIdField } from '../../../../core/fields';
import { refuse } from '../../../../core/errors';
import { defineMethod } from '../../../../registry/method';
import { memberFields } from '../../../identity/fields';
import { ROLE, userDirectory } from '../../../identity/users';

interface RoleParams {
  admin_id: number;
  open_id?: string;
  username?: string;
  role: 0 | 1;
}

interface RoleAnswer {
  open_id: string;
  username: string;
  role: number;
}

/**
 * Makes a member staff (1) or a plain user again (0): the shared role that products check for staff-only
 * methods (nearby `tags.item`, account replies…). The member is named by open_id or username.
 */
export const adminUserRoleSet = defineMethod<RoleParams, RoleAnswer>({
  name: 'user.role.set',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Sets a member\'s shared role (0 user, 1 staff), naming the member by open_id or username; answers {open_id, username, role}.',
  schema: Joi.object({
    admin_id: adminIdField(),
    open_id: memberFields.open_id,
    username: Joi.string().trim().min(1).max(100),
    role: Joi.number().integer().valid(ROLE.USER, ROLE.STAFF).required(),
  })
    .xor('open_id', 'username')
    .messages({ 'object.missing': 'give open_id or username', 'object.xor': 'give open_id or username, not both' }),
  async handler(params, call, app) {
    const users = app.use(userDirectory);
    const user = params.open_id !== undefined ? await users.byOpenId(params.open_id) : await users.byUsername(params.username!);
    if (!user) throw refuse('user not found');
    if (user.role !== params.role) {
      await users.setRole(user.id, params.role);
      app.logger.info({ requestId: call.requestId, admin_id: params.admin_id, user_id: user.id, role: params.role }, 'user role set');
    }
    return { open_id: user.open_id, username: user.username ?? '', role: params.role };
  },
});
