// The page's record for the Node side, and the <Profiler> callback that fills it.
import type { ProfilerOnRenderCallback } from 'react'
import type { BenchRecord } from './config'

export const record: BenchRecord = {
  loads: 0,
  frameCommits: 0,
  commitDurations: [],
  errors: [],
}
window.bench = record

export const onFrameRender: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
  record.frameCommits++
  record.commitDurations.push(actualDuration)
}
