import type { TestProject } from 'vitest/node'
import { startFakeSeamConnect } from '../../fake/index'

/** One fake Seam Connect per Vitest project; tests isolate themselves by user_identifier_key. */
export default async function setup(project: TestProject) {
  const fake = await startFakeSeamConnect({ port: 0 })
  project.provide('fakeUrl', fake.url)
  project.provide('fakeApiKey', fake.apiKey)
  project.provide('fakePublishableKey', fake.publishableKey)
  return () => fake.stop()
}

declare module 'vitest' {
  export interface ProvidedContext {
    fakeUrl: string
    fakeApiKey: string
    fakePublishableKey: string
  }
}
