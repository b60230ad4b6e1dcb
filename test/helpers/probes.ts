import Joi from 'joi';
import { refuse } from '../../app/core/errors';
import { defineMethod, type MethodDefinition } from '../../app/registry/method';
import { OwnerType, uploadService } from '../../app/platform/files/uploads';

/**
 * Methods that exist only in protocol tests: each isolates one behaviour of the pipeline (versions,
 * writes, sessions, validation, faults) without depending on any business method.
 */
export const probeMethods: MethodDefinition[] = [
  defineMethod({
    name: 'probe.echo',
    namespaces: ['app'],
    since: '1.0.0',
    user: 'none',
    writes: false,
    summary: 'answers its input and the implementation version',
    schema: Joi.object({ text: Joi.string().allow('').default('') }),
    async handler(params, call) {
      return { impl: '1.0.0', text: params.text, ip: call.ip, platform: call.platform };
    },
  }),
  defineMethod({
    name: 'probe.echo',
    namespaces: ['app'],
    since: '1.2.0',
    user: 'none',
    writes: false,
    summary: 'a newer implementation of probe.echo',
    schema: Joi.object({ text: Joi.string().allow('').default('') }),
    async handler(params) {
      return { impl: '1.2.0', text: params.text };
    },
  }),
  defineMethod({
    name: 'probe.new',
    namespaces: ['app'],
    since: '2.0.0',
    user: 'none',
    writes: false,
    summary: 'exists from 2.0.0 only',
    schema: Joi.object({}),
    async handler() {
      return {};
    },
  }),
  defineMethod({
    name: 'probe.write',
    namespaces: ['app', 'admin'],
    since: '1.0.0',
    user: 'none',
    writes: true,
    summary: 'a state-changing method (replay guard applies)',
    schema: Joi.object({}),
    async handler() {
      return undefined;
    },
  }),
  defineMethod({
    name: 'probe.private',
    namespaces: ['app'],
    since: '1.0.0',
    user: 'required',
    writes: false,
    summary: 'needs a logged-in user',
    schema: Joi.object({}),
    async handler(_params, call) {
      return { user_id: call.user!.userId };
    },
  }),
  defineMethod({
    name: 'probe.typed',
    namespaces: ['app'],
    since: '1.0.0',
    user: 'none',
    writes: false,
    summary: 'validates typed parameters',
    schema: Joi.object({ count: Joi.number().integer().min(1).required(), name: Joi.string().max(5) }),
    async handler(params) {
      return params;
    },
  }),
  defineMethod({
    name: 'probe.refuse',
    namespaces: ['app'],
    since: '1.0.0',
    user: 'none',
    writes: false,
    summary: 'a business rule that refuses',
    schema: Joi.object({}),
    async handler() {
      throw refuse('the probe refuses politely');
    },
  }),
  defineMethod({
    name: 'probe.crash',
    namespaces: ['app'],
    since: '1.0.0',
    user: 'none',
    writes: false,
    summary: 'fails unexpectedly with internals in the error',
    schema: Joi.object({ password: Joi.string() }),
    async handler() {
      throw new Error('connect ECONNREFUSED 10.1.2.3:3306 user=root password=hunter2 at Pool.query (/srv/app/db.ts:42)');
    },
  }),
];

/**
 * A method that carries a file as base64 inside `data` (like campus `pic.upload`) and so declares its own
 * body limit above the default; stores the image through the shared file service.
 */
export const base64UploadProbe = defineMethod({
  name: 'probe.upload64',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'stores a base64 image carried inside data',
  bodyLimitBytes: 64 * 1024,
  schema: Joi.object({ base64: Joi.string().required() }),
  async handler(params, _call, app) {
    const stored = await app.use(uploadService).storeBase64(params.base64, { type: OwnerType.ADMIN, id: 1 }, { maxBytes: 32 * 1024 });
    return { url: stored.image_url };
  },
});
