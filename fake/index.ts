// The `react-seam-connect/testing` entry: the fake, for apps' own tests.
export { startFakeSeamConnect, type FakeSeamConnect } from './node-server.js'
export {
  createFakeSeamConnect,
  type CreateFakeSeamConnectOptions,
  type FakeSeamConnectFetch,
} from './create-fake.js'
