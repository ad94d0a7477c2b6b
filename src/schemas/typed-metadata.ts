import type { CustomMetadata, CustomMetadataInput } from './custom-metadata.js'
import type { InferSchemaOutput, StandardSchemaV1 } from './standard-schema.js'

/**
 * A Standard Schema for an app's `custom_metadata`. Its input may hold only what Seam stores
 * (strings and booleans; `null` removes a key), so a schema with, say, a number field is refused
 * where it is given, not when Seam refuses the first write. Its output is the app's: a schema may
 * transform what it reads.
 */
export type CustomMetadataSchema = StandardSchemaV1<
  Record<string, string | boolean | null>,
  unknown
>

/** The input type a Standard Schema validates. */
export type InferSchemaInput<S extends StandardSchemaV1> = NonNullable<
  S['~standard']['types']
>['input']

/** Metadata as read back: the schema's output, or plain metadata without a schema. */
export type MetadataOf<S extends StandardSchemaV1 | undefined> = S extends StandardSchemaV1
  ? InferSchemaOutput<S>
  : CustomMetadata

/**
 * Metadata as written (`create`, `update`) or filtered on (`customMetadataHas`): the schema's
 * keys with the schema's value types, or any metadata without a schema. Every key is optional
 * (an app's server adds its trusted keys itself), and `null` removes a key on a write or matches
 * an unset one in a filter (docs/seam-api.md §4). Reads validate the whole schema at runtime.
 */
export type MetadataInputOf<S extends StandardSchemaV1 | undefined> = S extends StandardSchemaV1
  ? { [K in keyof InferSchemaInput<S>]?: Exclude<InferSchemaInput<S>[K], undefined> | null }
  : CustomMetadataInput

/** `T` (a connected account or a Connect Webview) with its `custom_metadata` typed as `M`. */
export type WithCustomMetadata<T, M> = {
  [K in keyof T as K extends 'custom_metadata' ? never : K]: T[K]
} & { custom_metadata: M }

/** `T` as read with schema `S`: its metadata is the schema's output, or `T` itself without one. */
export type WithMetadataOf<T, S extends StandardSchemaV1 | undefined> = S extends StandardSchemaV1
  ? WithCustomMetadata<T, InferSchemaOutput<S>>
  : T
