import { isPlainObject } from './plain-object.js'

/**
 * A plain copy of the plain objects and arrays in `value`, each property read exactly once. Params
 * are validated and sent from this copy, so a getter, a proxy or a later change to the caller's
 * object cannot send something other than what passed the rules. Anything else (a class
 * instance, a function) is kept as it is, for validation to refuse.
 */
export function snapshot(value: unknown, depth = 0): unknown {
  // Params nest a few levels at most; anything deeper is refused by validation anyway.
  if (depth > 8) return value
  if (Array.isArray(value)) return Array.from(value, (item) => snapshot(item, depth + 1))
  if (!isPlainObject(value)) return value
  // Enumerable symbol keys are copied too, so that validation refuses them rather than JSON
  // dropping them. fromEntries defines own properties, so a `__proto__` key stays a key.
  const keys = [
    ...Object.keys(value),
    ...Object.getOwnPropertySymbols(value).filter((key) =>
      Object.prototype.propertyIsEnumerable.call(value, key),
    ),
  ]
  return Object.fromEntries(keys.map((key) => [key, snapshot(Reflect.get(value, key), depth + 1)]))
}
