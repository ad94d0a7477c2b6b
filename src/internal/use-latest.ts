'use client'

import { useInsertionEffect, useRef, type RefObject } from 'react'

/**
 * A ref that always holds the latest `value`, for callbacks and listeners that must see the
 * newest props without re-subscribing (so an inline `onX={...}` never restarts anything). It is
 * updated before any other effect runs; read it in effects and event handlers, not in render.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value)
  useInsertionEffect(() => {
    ref.current = value
  })
  return ref
}
