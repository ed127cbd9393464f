import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './bundles';

/**
 * infra/bundler/reflect-metadata-lite.js (the bundles' Reflect metadata) against reflect-metadata
 * itself: the same scenarios run in a fresh process with each, and must give the same answers.
 */
const SCENARIOS = String.raw`
const R = Reflect;
const out = {};
const sym = Symbol.for('s');
class Base {}
class Child extends Base {}
R.defineMetadata('k', 'base', Base);
R.defineMetadata('k2', 'base2', Base);
R.defineMetadata('k', 'child', Child);
R.defineMetadata('p', 1, Base.prototype, 'method');
R.defineMetadata(sym, 'symbol-key', Child.prototype, sym);
R.defineMetadata('n', 'numeric-property', Child.prototype, 7);
out.getInherited = [R.getMetadata('k', Child), R.getMetadata('k2', Child), R.getOwnMetadata('k2', Child), R.getMetadata('missing', Child)];
out.property = [R.getMetadata('p', Child.prototype, 'method'), R.getOwnMetadata('p', Child.prototype, 'method'), R.hasMetadata('p', Child.prototype, 'method'), R.hasOwnMetadata('p', Child.prototype, 'method')];
out.symbols = [R.getMetadata(sym, Child.prototype, sym), R.getMetadata('n', Child.prototype, '7'), R.getOwnMetadataKeys(Child.prototype, 7)];
out.keys = [R.getMetadataKeys(Child), R.getOwnMetadataKeys(Child), R.getMetadataKeys(Child.prototype, 'method'), R.getOwnMetadataKeys({})];
out.targetVsProperty = [R.getMetadata('k', Child, undefined), R.getMetadata('k', Child, 'k'), R.hasMetadata('k', Child)];
out.deleted = [R.deleteMetadata('k', Child), R.deleteMetadata('k', Child), R.getMetadata('k', Child), R.getOwnMetadataKeys(Child)];
class Decorated {}
R.metadata('via-decorator', 42)(Decorated);
R.metadata('on-prop', 'x')(Decorated.prototype, 'prop');
out.decorator = [R.getMetadata('via-decorator', Decorated), R.getMetadata('on-prop', Decorated.prototype, 'prop')];
const calls = [];
class Target {}
const Replaced = R.decorate([(c) => { calls.push('outer'); }, (c) => { calls.push('inner'); return class extends c { static tag = 'replaced'; }; }], Target);
const desc = { value: 1, writable: true, enumerable: false, configurable: true };
const newDesc = R.decorate([(t, k, d) => { calls.push('p1:' + String(k) + ':' + (d && d.value)); return { ...d, value: 2 }; }, (t, k, d) => { calls.push('p2:' + String(k)); }], Target.prototype, 'm', desc);
const undefinedDesc = R.decorate([(t, k, d) => { calls.push('field:' + String(k) + ':' + typeof d); }], Target.prototype, 'field', undefined);
out.decorate = [Replaced.tag, Replaced === Target, calls, newDesc, undefinedDesc];
const errors = [];
for (const f of [() => R.defineMetadata('k', 1, 1), () => R.getMetadata('k', null), () => R.decorate([], 1), () => R.decorate('x', {}, 'p'), () => R.decorate([() => 5], Target), () => R.metadata('k', 1)(Target, 5)]) {
  try { f(); errors.push('none'); } catch (e) { errors.push(e.constructor.name); }
}
out.errors = errors;
console.log(JSON.stringify(out));
`;

function run(setup: string): unknown {
  const r = spawnSync(process.execPath, ['-e', `${setup}\n${SCENARIOS}`], { encoding: 'utf8', cwd: ROOT });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('reflect-metadata-lite', () => {
  it('answers every scenario as reflect-metadata does', () => {
    const original = run("require('reflect-metadata');");
    const lite = run(`require(${JSON.stringify(join(ROOT, 'infra/bundler/reflect-metadata-lite.js'))});`);
    expect(lite).toEqual(original);
    expect((original as { getInherited: unknown[] }).getInherited).toEqual(['child', 'base2', null, null]);
  });
});
