import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent } from 'storybook/test'
import { MetadataEditor, type MetadataEditorProps } from '../demo/components/MetadataEditor'
import { newRow } from '../demo/components/metadata-rows'
import type { ConnectWebview } from '../src/index'

/**
 * A `custom_metadata` editor on `useCreateConnectWebview`: every rule is checked as the user
 * types (with `findCustomMetadataIssues`), and the create button stays off until Seam would
 * accept the metadata.
 */
function EditorWithResult(props: MetadataEditorProps) {
  const [created, setCreated] = useState<ConnectWebview | null>(null)
  return (
    <>
      <MetadataEditor {...props} onCreated={setCreated} />
      {created && (
        <p>
          Created <code data-testid="webview-id">{created.connect_webview_id}</code> with{' '}
          <code>{JSON.stringify(created.custom_metadata)}</code>
        </p>
      )}
    </>
  )
}

const meta = {
  title: 'Metadata editor',
  component: MetadataEditor,
  render: (args) => <EditorWithResult {...args} />,
} satisfies Meta<typeof MetadataEditor>

export default meta
type Story = StoryObj<typeof meta>

type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas']

/** The editor, once the story's session on the fake is ready. */
const editorReady = (canvas: Canvas) =>
  canvas.findByRole('form', { name: 'custom_metadata' }, { timeout: 10_000 })

const createButton = (canvas: Canvas) =>
  canvas.getByRole('button', { name: 'Create Connect Webview' })

/** Valid metadata creates a webview that carries it. */
export const Valid: Story = {
  play: async ({ canvas }) => {
    await editorReady(canvas)
    await userEvent.click(createButton(canvas))
    await expect(await canvas.findByText(/^Created/, {}, { timeout: 10_000 })).toHaveTextContent(
      '{"your_app_user_id":"user_42"}',
    )
  },
}

/** The 51st key breaks Seam's limit of 50. */
export const FiftyFirstKey: Story = {
  args: {
    initialRows: Array.from({ length: 50 }, (_, i) => newRow(`key_${i + 1}`, `value ${i + 1}`)),
  },
  play: async ({ canvas }) => {
    await editorReady(canvas)
    await expect(canvas.getByRole('status')).toHaveTextContent('50 keys, valid')
    await userEvent.click(canvas.getByRole('button', { name: 'Add key' }))
    await userEvent.type(canvas.getByLabelText('Key 51'), 'key_51')
    await expect(
      canvas.getByRole('list', { name: 'Problems with the whole object' }),
    ).toHaveTextContent('custom_metadata has 51 keys; at most 50 are allowed')
    await expect(createButton(canvas)).toBeDisabled()
  },
}

/** A key longer than 40 characters. */
export const LongKey: Story = {
  play: async ({ canvas }) => {
    await editorReady(canvas)
    const key = canvas.getByLabelText('Key 1')
    await userEvent.clear(key)
    await userEvent.type(key, 'a_key_that_is_far_too_long_for_seam_limits')
    await expect(
      await canvas.findByText(/has 42 characters; at most 40 are allowed/),
    ).toBeInTheDocument()
    await expect(key).toHaveAttribute('aria-invalid', 'true')
    await expect(createButton(canvas)).toBeDisabled()
  },
}

/** A "." in a key. */
export const DotInKey: Story = {
  play: async ({ canvas }) => {
    await editorReady(canvas)
    const key = canvas.getByLabelText('Key 1')
    await userEvent.clear(key)
    await userEvent.type(key, 'user.id')
    await expect(
      await canvas.findByText('custom_metadata key "user.id" must not contain "."'),
    ).toBeInTheDocument()
  },
}

/** A value longer than 500 characters. */
export const LongValue: Story = {
  args: { initialRows: [newRow('notes', 'n'.repeat(500))] },
  play: async ({ canvas }) => {
    await editorReady(canvas)
    await expect(canvas.getByRole('status')).toHaveTextContent('1 key, valid')
    await userEvent.type(canvas.getByLabelText('Value 1'), '!')
    await expect(
      await canvas.findByText(/"notes": the value has 501 characters; at most 500 are allowed/),
    ).toBeInTheDocument()
  },
}

/** Seam accepts text, true, false and null: never numbers. */
export const NumberValue: Story = {
  args: { initialRows: [newRow('seats', '3')] },
  play: async ({ canvas }) => {
    await editorReady(canvas)
    await userEvent.selectOptions(canvas.getByLabelText('Type 1'), 'number')
    await expect(
      await canvas.findByText(
        /"seats": the value must be a string, a boolean or null, not a number/,
      ),
    ).toBeInTheDocument()
    await expect(createButton(canvas)).toBeDisabled()
  },
}
