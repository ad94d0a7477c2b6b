// Runs inside a dedicated Web Worker: tries to create a client with what it is sent and reports
// the outcome (never the options) to the page.
import { createSeamConnectClient, type SeamConnectClientOptions } from '../../../src/index'

self.onmessage = (event: MessageEvent<SeamConnectClientOptions>) => {
  try {
    createSeamConnectClient(event.data)
    self.postMessage({ created: true })
  } catch (error) {
    self.postMessage({
      created: false,
      name: (error as Error).name,
      message: (error as Error).message,
    })
  }
}
