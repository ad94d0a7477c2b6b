// Mounting and unmounting leaves nothing behind: 200 cycles, under StrictMode in Chromium, of
// <ConnectWebviewFrame> and of each public hook, each cycle doing real work against the fake
// (its requests still out when the subject unmounts). The page probe counts what the page holds
// by wrapping the page's own functions, so nothing here trusts the library's cleanup code.
//
// Reads are held by the fake (a `hang` fault: no answer until the client gives up, after its 30 s
// timeout), so a read that was not aborted at unmount stays in flight and fails the cycle; writes are left to finish (a write that has
// left may already have reached Seam), so for them the check is that they settle and leave
// nothing. After the cycles: no window listener, timer, request in flight or window beyond the
// baseline, nothing thrown, and the QueryClient's caches back to their size once gcTime passed.
// The figures go out as test annotations for `npm run bench -- leaks`.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render } from '@testing-library/react'
import { StrictMode, type ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import { commands, page, userEvent } from 'vitest/browser'
import {
  ConnectWebviewFrame,
  createSeamConnectClient,
  SeamConnectProvider,
  useConnectedAccountMetadata,
  useConnectedAccounts,
  useConnectWebview,
  useConnectWebviewCompletion,
  useConnectWebviewPopup,
  useConnectWebviewRedirectResult,
  useConnectWebviews,
  useCreateConnectWebview,
  useUpdateConnectedAccountMetadata,
  type ConnectWebview,
  type SeamConnectClient,
} from '../../src/index'
import { fakeControl, uniqueUser } from '../../fake/control-client'
import { handlerClient } from '../support/session-client'
import {
  describeCounts,
  installPageProbe,
  type PageProbe,
  type ProbeCounts,
} from '../support/page-probe'
import { LEAK_ANNOTATION, type LeakFigures } from './leak-figures'

const CYCLES = 200
/** Short, so that the cache's return to its size is seen within the test. */
const GC_TIME_MS = 750
/** Per subject: 200 cycles on a busy two-core machine, with a browser round trip or more each. */
const SUBJECT_TIMEOUT_MS = 300_000

const endpoint = inject('fakeUrl')
const publishableKey = inject('fakePublishableKey')
const fake = fakeControl(endpoint)

/** Enough hung requests for every cycle of a subject (StrictMode sends some reads twice). */
const HUNG = { hang: true, times: 100_000 } as const

let probe: PageProbe
beforeEach(() => {
  probe = installPageProbe()
})
afterEach(async () => {
  cleanup()
  probe.uninstall()
  await commands.closePopups()
})

/** One subject: its fixtures on the fake, then what each cycle mounts and does. */
interface Subject {
  name: string
  settles: LeakFigures['settles']
  note?: string
  prepare(): Promise<{
    client: SeamConnectClient
    /** The subject as mounted in one cycle. */
    element: (cycle: number) => ReactNode
    /** Makes the mounted subject work (a click, a mutate); resolves once a request is out. */
    work?: (cycle: number) => Promise<void> | void
    /** Undoes what `prepare` changed on the page. */
    restore?: () => void
  }>
}

/** A client of a fresh session whose exchange is done (so that it is not part of any cycle). */
async function warmClient(label: string) {
  const userIdentifierKey = uniqueUser(label)
  const client = createSeamConnectClient({
    endpoint,
    publishableKey,
    userIdentifierKey,
    retry: { minDelayMs: 10, maxDelayMs: 50 },
  })
  const webview = await client.connectWebviews.create({ custom_metadata: { tenant_id: 'leaks' } })
  return { client, userIdentifierKey, webview }
}

/** A session whose every Seam request from now on is held by the fake, unanswered. */
async function hungSession(label: string) {
  const session = await warmClient(label)
  await fake.fault({ user_identifier_key: session.userIdentifierKey, ...HUNG })
  return session
}

function Frame({ webview }: { webview: ConnectWebview }) {
  return <ConnectWebviewFrame connectWebview={webview} title="Connect" />
}
function Completion({ webview }: { webview: ConnectWebview }) {
  // A source that is never the sender: the message listener is installed, nothing passes it.
  useConnectWebviewCompletion({ connectWebview: webview }, { source: () => null })
  return null
}
function Webview({ id }: { id: string }) {
  useConnectWebview(id)
  return null
}
function Metadata({ connectedAccountId }: { connectedAccountId: string }) {
  useConnectedAccountMetadata({ connectedAccountId })
  return null
}
function WebviewList() {
  useConnectWebviews({ customMetadataHas: { tenant_id: 'leaks' } })
  return null
}
function AccountList() {
  useConnectedAccounts({ customMetadataHas: { tenant_id: 'leaks' } })
  return null
}
/** A form's Save button, as an app calls a mutation: clicked by the test. */
function Create() {
  const create = useCreateConnectWebview()
  return <Save onSave={(cycle) => create.mutate({ custom_metadata: { cycle: String(cycle) } })} />
}
function Update({ accountId, user }: { accountId: string; user: string }) {
  const update = useUpdateConnectedAccountMetadata()
  return (
    <Save
      onSave={(cycle) =>
        update.mutate({
          connected_account_id: accountId,
          custom_metadata: { user_id: user, tenant_id: 'leaks', cycle: String(cycle) },
        })
      }
    />
  )
}
function Save({ onSave }: { onSave: (cycle: number) => void }) {
  return (
    <button type="button" onClick={(event) => onSave(Number(event.currentTarget.dataset.cycle))}>
      Save
    </button>
  )
}
/** Clicks Save, for cycle `cycle`. */
function save(cycle: number) {
  const button = document.querySelector<HTMLButtonElement>('button')
  if (!button) throw new Error('no Save button')
  button.dataset.cycle = String(cycle)
  button.click()
}
function Popup() {
  const popup = useConnectWebviewPopup()
  return (
    <button type="button" onClick={() => void popup.open({ custom_metadata: { from: 'leaks' } })}>
      Connect
    </button>
  )
}
function RedirectResult() {
  useConnectWebviewRedirectResult()
  return null
}

const subjects: Subject[] = [
  {
    name: '<ConnectWebviewFrame>',
    settles: 'aborted',
    async prepare() {
      const { client, webview } = await hungSession('leaks-frame')
      return { client, element: () => <Frame webview={webview} /> }
    },
  },
  {
    name: '<ConnectWebviewFrame>, Seam answering 503',
    settles: 'answered',
    note: 'reads answered 503 at once: the client’s and the engine’s retry timers are in play',
    async prepare() {
      const { client, webview, userIdentifierKey } = await warmClient('leaks-frame-503')
      await fake.fault({ user_identifier_key: userIdentifierKey, status: 503, times: 100_000 })
      return {
        client,
        element: () => <Frame webview={webview} />,
        // A retry has gone out: a backoff timer has run.
        work: async () => {
          const start = probe.counts().fetches
          await probe.until((c) => c.fetches >= start + 2, 'a retried read')
        },
      }
    },
  },
  {
    name: 'useConnectWebviewCompletion',
    settles: 'aborted',
    async prepare() {
      const { client, webview } = await hungSession('leaks-completion')
      return { client, element: () => <Completion webview={webview} /> }
    },
  },
  {
    name: 'useConnectWebview',
    settles: 'aborted',
    async prepare() {
      const { client, webview } = await hungSession('leaks-webview')
      return { client, element: () => <Webview id={webview.connect_webview_id} /> }
    },
  },
  {
    name: 'useConnectedAccountMetadata',
    settles: 'aborted',
    async prepare() {
      const userIdentifierKey = uniqueUser('leaks-metadata')
      const account = await fake.seedConnectedAccount({
        user_identifier_key: userIdentifierKey,
        custom_metadata: { tenant_id: 'leaks' },
      })
      const client = createSeamConnectClient({ endpoint, publishableKey, userIdentifierKey })
      await client.connectedAccounts.get({ connected_account_id: account.connected_account_id })
      await fake.fault({ user_identifier_key: userIdentifierKey, ...HUNG })
      return {
        client,
        element: () => <Metadata connectedAccountId={account.connected_account_id} />,
      }
    },
  },
  {
    name: 'useConnectWebviews',
    settles: 'aborted',
    async prepare() {
      const { client } = await hungSession('leaks-webview-list')
      return { client, element: () => <WebviewList /> }
    },
  },
  {
    name: 'useConnectedAccounts',
    settles: 'aborted',
    async prepare() {
      const { client } = await hungSession('leaks-account-list')
      return { client, element: () => <AccountList /> }
    },
  },
  {
    name: 'useCreateConnectWebview',
    settles: 'answered',
    note: 'each create answered after 100 ms of fake latency, after the unmount',
    async prepare() {
      const { client, userIdentifierKey } = await warmClient('leaks-create')
      await fake.sessionBehaviour(userIdentifierKey, { latency_ms: 100 })
      return { client, element: () => <Create />, work: save }
    },
  },
  {
    name: 'useUpdateConnectedAccountMetadata',
    settles: 'answered',
    note:
      'through the app’s server (createSeamConnectHandler on another port): the browser’s CORS ' +
      'check refuses it, so each update fails with a SeamNetworkError and is rolled back',
    async prepare() {
      const { client, user } = handlerClient('leaks-update')
      const account = await fake.seedConnectedAccount({
        custom_metadata: { user_id: user, tenant_id: 'leaks' },
      })
      return {
        client,
        element: () => <Update accountId={account.connected_account_id} user={user} />,
        work: save,
      }
    },
  },
  {
    name: 'useConnectWebviewPopup',
    settles: 'aborted',
    note: 'a person’s click opens the window each cycle; the create is held by the fake',
    async prepare() {
      const { client } = await hungSession('leaks-popup')
      return {
        client,
        element: () => <Popup />,
        work: async () => {
          await userEvent.click(page.getByRole('button', { name: 'Connect' }))
          expect(probe.counts().windows).toBe(1)
        },
      }
    },
  },
  {
    name: 'useConnectWebviewRedirectResult',
    settles: 'aborted',
    note: 'the page’s URL carries the webview’s id, as on a return from Seam',
    async prepare() {
      const { client, webview } = await hungSession('leaks-redirect')
      const before = window.location.href
      const landing = new URL(before)
      landing.searchParams.set('connect_webview_id', webview.connect_webview_id)
      window.history.replaceState(window.history.state, '', landing)
      return {
        client,
        element: () => <RedirectResult />,
        restore: () => window.history.replaceState(window.history.state, '', before),
      }
    },
  },
]

const cacheSize = (queryClient: QueryClient) =>
  queryClient.getQueryCache().getAll().length + queryClient.getMutationCache().getAll().length

const listenersBeside = (counts: ProbeCounts, type: string) =>
  Object.entries(counts.listeners).reduce((sum, [t, n]) => (t === type ? sum : sum + n), 0)

/** What must be back where it was once the cycles are over. */
const held = (counts: ProbeCounts) => ({
  listeners: counts.listeners,
  timeouts: counts.timeouts,
  intervals: counts.intervals,
  inFlight: counts.inFlight,
  windows: counts.windows,
})

describe(`${CYCLES} mount/unmount cycles under StrictMode leave nothing behind`, () => {
  for (const { name, settles, note, prepare } of subjects) {
    it(name, { timeout: SUBJECT_TIMEOUT_MS }, async (context) => {
      const { client, element, work, restore } = await prepare()
      context.onTestFailed(() =>
        console.error(`${name}: the page now: ${describeCounts(probe.counts())}`),
      )
      try {
        const queryClient = new QueryClient({
          defaultOptions: {
            queries: { gcTime: GC_TIME_MS },
            mutations: { gcTime: GC_TIME_MS },
          },
        })
        const ui = (subject: ReactNode) => (
          <StrictMode>
            <QueryClientProvider client={queryClient}>
              <SeamConnectProvider client={client}>{subject}</SeamConnectProvider>
            </QueryClientProvider>
          </StrictMode>
        )
        // The app stays; only the subject comes and goes.
        const view = render(ui(null))
        const base = probe.counts()
        const cacheBefore = cacheSize(queryClient)
        let mountedListeners = 0
        let atUnmount = 0
        let peak = cacheBefore

        for (let cycle = 0; cycle < CYCLES; cycle++) {
          view.rerender(ui(element(cycle)))
          await work?.(cycle)
          const mounted = await probe.until(
            (c) => c.inFlight > base.inFlight,
            `request from ${name} (cycle ${cycle})`,
          )
          mountedListeners = Math.max(mountedListeners, mounted.listeners.message ?? 0)
          atUnmount += probe.counts().inFlight - base.inFlight
          peak = Math.max(peak, cacheSize(queryClient))

          view.rerender(ui(null))

          // Aborted reads are released at once (the fake would never answer them); a write
          // once Seam has answered.
          await probe.until(
            (c) => c.inFlight === base.inFlight,
            `${name}'s requests released after unmount (cycle ${cycle})`,
          )
        }
        const fetchesAtLastUnmount = probe.counts().fetches

        await expect.poll(() => cacheSize(queryClient)).toBe(cacheBefore)
        await expect
          .poll(() => held(probe.counts()), { message: 'the page back to its baseline' })
          .toEqual(held(base))
        const after = probe.counts()
        expect(after.fetches, 'requests sent after the last unmount').toBe(fetchesAtLastUnmount)
        expect(probe.uncaught, 'thrown uncaught').toEqual([])
        expect(await commands.openPopups(), 'windows the browser still has open').toBe(0)

        const figures: LeakFigures = {
          subject: name,
          cycles: CYCLES,
          messageListeners: {
            before: base.listeners.message ?? 0,
            mounted: mountedListeners,
            after: after.listeners.message ?? 0,
          },
          otherListeners: {
            before: listenersBeside(base, 'message'),
            after: listenersBeside(after, 'message'),
          },
          timers: {
            before: base.timeouts + base.intervals,
            after: after.timeouts + after.intervals,
          },
          inFlight: { before: base.inFlight, atUnmount, after: after.inFlight },
          windows: {
            before: base.windows,
            opened: after.opens - base.opens,
            after: after.windows,
          },
          cache: { before: cacheBefore, peak, after: cacheSize(queryClient) },
          requests: after.fetches - base.fetches,
          requestsAfterUnmount: after.fetches - fetchesAtLastUnmount,
          uncaught: probe.uncaught.length,
          settles,
          ...(note && { note }),
        }
        await context.annotate(JSON.stringify(figures), LEAK_ANNOTATION)
        // The cycles did what they are for: requests out at every unmount of a subject whose
        // reads are held, a listener while a message-reading subject was mounted.
        if (settles === 'aborted') expect(atUnmount).toBeGreaterThanOrEqual(CYCLES)
        if (name === '<ConnectWebviewFrame>' || name === 'useConnectWebviewCompletion') {
          expect(mountedListeners).toBe((base.listeners.message ?? 0) + 1)
        }
        if (name === 'useConnectWebviewPopup') expect(figures.windows.opened).toBe(CYCLES)
      } finally {
        restore?.()
      }
    })
  }
})
