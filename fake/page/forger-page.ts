// GET /_fake/post-message: a page that posts whatever a test asks to its parent, so browser
// tests can check that the library ignores messages from the wrong frame, the wrong origin
// (served by a second fake on a look-alike port) or with the wrong shape.
import type { Handler } from 'hono'
import { z } from 'zod'
import { originSchema } from '../state/behaviour.js'
import type { FakeEnv } from '../http/env.js'
import { escapeHtml, sendPage } from './html.js'

const MAX_REPEAT = 100

const forgerQuerySchema = z.object({
  data: z.string(),
  // '/' is postMessage's "the sender's own origin".
  target_origin: z.union([originSchema, z.literal('/')]).default('*'),
  repeat: z.coerce.number().int().min(1).max(MAX_REPEAT).default(1),
})

/** What the forger page embeds for its script. */
interface ForgerPageData {
  data: unknown
  target_origin: string
  repeat: number
}

const FORGER_SCRIPT = `
(function () {
  'use strict'
  var config = JSON.parse(document.getElementById('fake-data').textContent)
  var status = document.getElementById('status')
  try {
    for (var i = 0; i < config.repeat; i++) {
      window.parent.postMessage(config.data, config.target_origin)
    }
    status.textContent = 'posted'
  } catch (error) {
    status.textContent = 'failed: ' + error
  }
})()
`

export function forgerPage(): Handler<FakeEnv> {
  return (c) => {
    const parsed = forgerQuerySchema.safeParse({
      data: c.req.query('data'),
      target_origin: c.req.query('target_origin'),
      repeat: c.req.query('repeat'),
    })
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        (issue) => `${issue.path.map(String).join('.')}: ${issue.message}`,
      )
      return sendPage(
        c,
        {
          title: 'Bad request',
          body: `      <h1>Bad request</h1>
      <p>${escapeHtml(problems.join('; '))}</p>`,
        },
        400,
      )
    }
    const { data, target_origin, repeat } = parsed.data
    const pageData: ForgerPageData = { data: parseOrRaw(data), target_origin, repeat }
    return sendPage(c, {
      title: 'Fake message forger',
      body: `      <h1>Fake message forger</h1>
      <p role="status" id="status"></p>`,
      script: FORGER_SCRIPT,
      data: pageData,
    })
  }
}

/** Valid JSON is posted as the value it encodes; anything else as the raw string. */
function parseOrRaw(data: string): unknown {
  try {
    return JSON.parse(data) as unknown
  } catch {
    return data
  }
}
