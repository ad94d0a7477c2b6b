import type { CustomMetadata } from '../../src/index'

/** custom_metadata as a two-column table. */
export function MetadataTable({
  metadata,
  caption,
}: {
  metadata: CustomMetadata
  caption: string
}) {
  const entries = Object.entries(metadata)
  return (
    <table className="metadata">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 ? (
          <tr>
            <td colSpan={2}>
              <em>empty ({'{}'})</em>
            </td>
          </tr>
        ) : (
          entries.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td>{JSON.stringify(value)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}
