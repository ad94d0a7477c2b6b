// The frame under a parent that re-renders on demand, passing new inline callbacks and a new
// style object each time, as app code commonly does.
import { Profiler, useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { ConnectWebviewFrame, type ConnectWebview } from '../../../src/index'
import type { RerenderResult } from './config'
import { record } from './record'

export function RerenderFlow({ webview }: { webview: ConnectWebview }) {
  const [count, setCount] = useState(0)
  const host = useRef<HTMLDivElement>(null)
  const durations = useRef<number[]>([])

  useEffect(() => {
    record.rerender = async (times: number): Promise<RerenderResult> => {
      const iframe = () => host.current?.querySelector('iframe')
      const before = iframe()
      const wallMs: number[] = []
      durations.current = []
      for (let i = 0; i < times; i++) {
        const start = performance.now()
        flushSync(() => setCount((n) => n + 1))
        wallMs.push(performance.now() - start)
        // Let the browser breathe (and the iframe's events run) between batches.
        if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 0))
      }
      return { sameIframe: !!before && before === iframe(), wallMs, actualMs: durations.current }
    }
  }, [])

  return (
    <div ref={host} data-count={count}>
      <Profiler
        id="rerendered-frame"
        onRender={(_id, phase, actualDuration) => {
          if (phase !== 'mount') durations.current.push(actualDuration)
        }}
      >
        <ConnectWebviewFrame
          connectWebview={webview}
          style={{ minHeight: 400 + (count % 2) }}
          onComplete={() => void count}
          onError={(error) => record.errors.push(error.message)}
          onEvent={() => void count}
          onStateChange={() => void count}
          onLoad={() => record.loads++}
        />
      </Profiler>
    </div>
  )
}
