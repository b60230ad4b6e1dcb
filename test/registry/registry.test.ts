import path from 'node:path';
import { expect } from 'chai';
import Joi from 'joi';
import { defineMethod } from '../../app/registry/method';
import { MethodRegistry, discoverMethods } from '../../app/registry/registry';

const method = (name: string, since: string, namespaces: Array<'app' | 'admin'> = ['app']) =>
  defineMethod({ name, namespaces, since, user: 'none', writes: false, summary: name, schema: Joi.object({}), handler: async () => ({ since }) });

describe('method registry', () => {
  it('resolves the highest implementation at or below the asked version, per namespace', () => {
    const registry = new MethodRegistry();
    registry.register(method('a.b', '1.0.0'));
    registry.register(method('a.b', '1.10.0'));
    registry.register(method('a.b', '1.2.0'));
    registry.register(method('a.b', '3.0.0', ['admin']));
    expect(registry.resolve('app', 'a.b', '1.9.9')?.since).to.equal('1.2.0');
    expect(registry.resolve('app', 'a.b', '1.10.0')?.since).to.equal('1.10.0');
    expect(registry.resolve('app', 'a.b', '0.9.0')).to.equal(undefined);
    expect(registry.resolve('admin', 'a.b', '2.0.0')).to.equal(undefined);
    expect(registry.resolve('app', 'constructor', '1.0.0')).to.equal(undefined);
    expect(registry.resolve('app', '__proto__', '1.0.0')).to.equal(undefined);
  });

  it('refuses a duplicate (namespace, name, version) and malformed declarations at start', () => {
    const registry = new MethodRegistry();
    registry.register(method('a.b', '1.0.0'));
    expect(() => registry.register(method('a.b', '1.0.0'))).to.throw(/duplicate method: a.b in namespace app at version 1.0.0/);
    expect(() => registry.register(method('a.b', '1.0'))).to.throw(/X.Y.Z/);
    expect(() => registry.register(method('A/b', '1.0.0'))).to.throw(/dotted/);
  });

  it('aliases answer for the same implementation', () => {
    const registry = new MethodRegistry();
    registry.register({ ...method('system.upgrade', '1.0.0'), aliases: ['app.upgrade'] });
    expect(registry.resolve('app', 'app.upgrade', '1.0.0')?.name).to.equal('system.upgrade');
  });

  it('discovers every module under products/*/methods/<namespace>, and a duplicate there stops the start', () => {
    const registry = discoverMethods();
    expect(registry.resolve('app', 'system.request.token', '1.0.0')?.name).to.equal('system.request.token');
    expect(() => discoverMethods([path.join(__dirname, 'fixtures', 'duplicate')])).to.throw(/duplicate method: dup.method/);
  });

  it('refuses a module whose declared namespace is not its folder', () => {
    expect(() => discoverMethods([path.join(__dirname, 'fixtures', 'misplaced')])).to.throw(/declares namespaces \[app\] but lives in the admin folder/);
  });
});
