// The sentinel guard catches a planted sentinel in each channel, in jsdom (guard-self-check.tsx).
import { guardSelfCheck } from './guard-self-check'

guardSelfCheck()
