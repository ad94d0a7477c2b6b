// `npm run fake`: a standalone fake Seam Connect on $PORT (default: a free port).
import { startFakeSeamConnect } from './node-server.js'

const port = Number(process.env.PORT ?? 0)
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be an integer between 0 and 65535`)
  process.exit(1)
}

const fake = await startFakeSeamConnect({ port })
// These fixed keys only open this fake, so printing them is fine (and needed to use it).
console.log(`Fake Seam Connect listening on ${fake.url}`)
console.log(`  publishable key: ${fake.publishableKey}`)
console.log(`  API key:         ${fake.apiKey}`)
console.log('Press Ctrl+C to stop.')

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    fake.stop().then(
      () => {
        console.log('Fake Seam Connect stopped.')
        process.exit(0)
      },
      (error: unknown) => {
        console.error('Fake Seam Connect failed to stop cleanly', error)
        process.exit(1)
      },
    )
  })
}
