import { useId } from 'react'

/** Where the Connect Webview is shown. */
export type ConnectMode = 'iframe' | 'popup' | 'redirect'

const MODES: { value: ConnectMode; label: string; hint: string }[] = [
  {
    value: 'iframe',
    label: 'In the page (iframe)',
    hint: '<ConnectWebviewFrame>: the webview stays inside this page.',
  },
  {
    value: 'popup',
    label: 'In a popup',
    hint: 'useConnectWebviewPopup: for provider logins that refuse to be framed.',
  },
  {
    value: 'redirect',
    label: 'Full-page redirect',
    hint: 'useConnectWebviewRedirectResult: best on phones; Seam sends you back to this page.',
  },
]

export interface ModeChoiceProps {
  value: ConnectMode
  onChange: (mode: ConnectMode) => void
}

/** A radio group: how the next webview is shown. */
export function ModeChoice({ value, onChange }: ModeChoiceProps) {
  const id = useId()
  return (
    <fieldset className="panel mode-choice">
      <legend>How to show the webview</legend>
      {MODES.map((mode) => (
        <div key={mode.value} className="choice">
          <input
            type="radio"
            id={`${id}-${mode.value}`}
            name={id}
            value={mode.value}
            checked={value === mode.value}
            aria-describedby={`${id}-${mode.value}-hint`}
            onChange={() => onChange(mode.value)}
          />
          <label htmlFor={`${id}-${mode.value}`}>{mode.label}</label>
          <span id={`${id}-${mode.value}-hint`} className="hint">
            {mode.hint}
          </span>
        </div>
      ))}
    </fieldset>
  )
}
