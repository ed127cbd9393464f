/**
 * The Reflect metadata API (defineMetadata, getMetadata, decorate, …) as `reflect-metadata`
 * implements it, for the cloud-function bundles: one WeakMap instead of reflect-metadata 0.2's
 * registry of metadata providers, which Nest's module scan calls thousands of times at cold start.
 * Same semantics: own metadata per (target, property key), inherited lookups walk the prototype
 * chain, keys listed own-first without duplicates. infra/test/reflect-metadata-lite.spec.ts checks
 * it against reflect-metadata itself.
 */
'use strict';

if (typeof Reflect.defineMetadata !== 'function') {
  // target → property key (undefined for the target itself) → metadata key → value
  const store = new WeakMap();

  const isObject = (x) => (typeof x === 'object' ? x !== null : typeof x === 'function');
  const toPropertyKey = (p) => (p === undefined || typeof p === 'symbol' ? p : String(p));
  const requireObject = (target) => {
    if (!isObject(target)) throw new TypeError();
  };
  const own = (target, p, create) => {
    let byProperty = store.get(target);
    if (!byProperty) {
      if (!create) return undefined;
      byProperty = new Map();
      store.set(target, byProperty);
    }
    let byKey = byProperty.get(p);
    if (!byKey) {
      if (!create) return undefined;
      byKey = new Map();
      byProperty.set(p, byKey);
    }
    return byKey;
  };

  const api = {
    defineMetadata(key, value, target, p) {
      requireObject(target);
      own(target, toPropertyKey(p), true).set(key, value);
    },
    hasOwnMetadata(key, target, p) {
      requireObject(target);
      return own(target, toPropertyKey(p), false)?.has(key) ?? false;
    },
    hasMetadata(key, target, p) {
      requireObject(target);
      const prop = toPropertyKey(p);
      for (let o = target; o !== null; o = Object.getPrototypeOf(o)) if (own(o, prop, false)?.has(key)) return true;
      return false;
    },
    getOwnMetadata(key, target, p) {
      requireObject(target);
      return own(target, toPropertyKey(p), false)?.get(key);
    },
    getMetadata(key, target, p) {
      requireObject(target);
      const prop = toPropertyKey(p);
      for (let o = target; o !== null; o = Object.getPrototypeOf(o)) {
        const m = own(o, prop, false);
        if (m?.has(key)) return m.get(key);
      }
      return undefined;
    },
    getOwnMetadataKeys(target, p) {
      requireObject(target);
      return [...(own(target, toPropertyKey(p), false)?.keys() ?? [])];
    },
    getMetadataKeys(target, p) {
      requireObject(target);
      const prop = toPropertyKey(p);
      const keys = new Set();
      for (let o = target; o !== null; o = Object.getPrototypeOf(o)) for (const k of own(o, prop, false)?.keys() ?? []) keys.add(k);
      return [...keys];
    },
    deleteMetadata(key, target, p) {
      requireObject(target);
      const prop = toPropertyKey(p);
      const m = own(target, prop, false);
      if (!m || !m.delete(key)) return false;
      if (m.size === 0) store.get(target).delete(prop);
      return true;
    },
    metadata(key, value) {
      return function decorator(target, p) {
        requireObject(target);
        if (p !== undefined && typeof p !== 'string' && typeof p !== 'symbol') throw new TypeError();
        own(target, p, true).set(key, value);
      };
    },
    decorate(decorators, target, p, attributes) {
      if (!Array.isArray(decorators)) throw new TypeError();
      if (p === undefined) {
        if (typeof target !== 'function') throw new TypeError();
        for (let i = decorators.length - 1; i >= 0; i--) {
          const decorated = decorators[i](target);
          if (decorated !== undefined && decorated !== null) {
            if (typeof decorated !== 'function') throw new TypeError();
            target = decorated;
          }
        }
        return target;
      }
      requireObject(target);
      if (attributes !== undefined && attributes !== null && !isObject(attributes)) throw new TypeError();
      let descriptor = attributes === null ? undefined : attributes;
      const prop = toPropertyKey(p);
      for (let i = decorators.length - 1; i >= 0; i--) {
        const decorated = decorators[i](target, prop, descriptor);
        if (decorated !== undefined && decorated !== null) {
          if (!isObject(decorated)) throw new TypeError();
          descriptor = decorated;
        }
      }
      return descriptor;
    },
  };
  for (const [name, fn] of Object.entries(api)) {
    Object.defineProperty(Reflect, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
}
