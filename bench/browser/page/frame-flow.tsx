// Our component, as an app would render it: a webview, onComplete, nothing else.
import { Profiler } from 'react'
import { ConnectWebviewFrame, type ConnectWebview } from '../../../src/index'
import { now } from './config'
import { onFrameRender, record } from './record'

export function FrameFlow({
  webview,
  pollInterval,
}: {
  webview: ConnectWebview
  pollInterval: number | undefined
}) {
  return (
    <Profiler id="frame" onRender={onFrameRender}>
      <ConnectWebviewFrame
        connectWebview={webview}
        {...(pollInterval === undefined ? {} : { pollInterval })}
        onComplete={() => {
          record.completedAt ??= now()
        }}
        onError={(error) => record.errors.push(error.message)}
        onLoad={() => record.loads++}
      />
    </Profiler>
  )
}
