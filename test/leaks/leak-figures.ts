// What the mount-cycles test records for each subject, as a test annotation (Vitest's
// `context.annotate`), and what `npm run bench -- leaks` reads back into its table.

/** The annotation type the figures are recorded under; the message is their JSON. */
export const LEAK_ANNOTATION = 'leak-figures'

/** A page count before the cycles and after them (once `gcTime` has passed). */
export interface BeforeAfter {
  before: number
  after: number
}

export interface LeakFigures {
  subject: string
  cycles: number
  /** Live `message` listeners on window. */
  messageListeners: BeforeAfter & {
    /** The most seen while one subject was mounted. */
    mounted: number
  }
  /** Every other listener type on window, summed. */
  otherListeners: BeforeAfter
  /** Live timeouts and intervals. */
  timers: BeforeAfter
  /** fetch calls not yet settled. */
  inFlight: BeforeAfter & {
    /** Summed over the cycles: the subject's requests still out when it unmounted. */
    atUnmount: number
  }
  /** Windows opened by the subject and not closed. */
  windows: BeforeAfter & {
    /** window.open calls over the cycles. */
    opened: number
  }
  /** Queries plus mutations in the QueryClient's caches. */
  cache: BeforeAfter & {
    /** The most seen just before an unmount. */
    peak: number
  }
  /** Every fetch the subject's page made over the cycles. */
  requests: number
  /** Fetches made after the last unmount (work that outlived the subject). */
  requestsAfterUnmount: number
  /** Uncaught errors and unhandled rejections. */
  uncaught: number
  /** How the subject's requests end at unmount: aborted, or left to finish. */
  settles: 'aborted' | 'answered'
  /** Anything the numbers need to be read with. */
  note?: string
}
