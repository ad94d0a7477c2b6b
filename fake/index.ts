// The `react-seam-connect/testing` entry for Node (and anything that is not a browser bundle):
// the fake, for apps' own tests. Bundlers that target browsers get browser.ts instead (the
// `browser` condition in package.json), which leaves out node:http and @hono/node-server.
export * from './public.js'
export {
  startFakeSeamConnect,
  type FakeSeamConnect,
  type StartFakeSeamConnectOptions,
} from './node-server.js'
