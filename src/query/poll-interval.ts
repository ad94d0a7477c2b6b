import { SeamInvalidInputError } from '../errors/errors.js'

/** Milliseconds between status checks, or `false` for none. */
export type PollInterval = number | false

/** @throws SeamInvalidInputError unless `false` or a positive, finite number of milliseconds. */
export function checkPollInterval(value: PollInterval, context: string): PollInterval {
  if (value === false || (typeof value === 'number' && value > 0 && Number.isFinite(value))) {
    return value
  }
  throw new SeamInvalidInputError(context, [
    {
      path: ['pollInterval'],
      message: 'pollInterval must be a positive number of milliseconds or false',
    },
  ])
}
