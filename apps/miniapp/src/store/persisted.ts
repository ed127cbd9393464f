import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'

/**
 * A tiny store kept in the phone's storage: what a person typed survives a page change,
 * a failed request, and an app restart.
 */
export interface Persisted<T> {
  get(): T
  set(next: T): void
  update(patch: Partial<T> | ((prev: T) => T)): void
  reset(): void
  subscribe(listener: () => void): () => void
}

export function persisted<T extends object>(key: string, initial: () => T): Persisted<T> {
  let value: T | undefined
  const listeners = new Set<() => void>()
  const load = (): T => {
    try {
      const raw = Taro.getStorageSync(key) as string
      if (raw) return { ...initial(), ...(JSON.parse(raw) as T) }
    } catch {
      /* unreadable storage: start afresh */
    }
    return initial()
  }
  const store: Persisted<T> = {
    get() {
      if (value === undefined) value = load()
      return value
    },
    set(next) {
      value = next
      try {
        Taro.setStorageSync(key, JSON.stringify(next))
      } catch {
        /* storage full: keep it in memory */
      }
      listeners.forEach((l) => l())
    },
    update(patch) {
      const prev = store.get()
      store.set(typeof patch === 'function' ? patch(prev) : { ...prev, ...patch })
    },
    reset() {
      value = initial()
      try {
        Taro.removeStorageSync(key)
      } catch {
        /* nothing stored */
      }
      listeners.forEach((l) => l())
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return store
}

export function useStore<T>(store: Persisted<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}
