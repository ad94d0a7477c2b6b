// A test's own slice of the fake for requests that carry no client session: an app's backend
// calls Seam with the API key, so its requests cannot be told apart by user_identifier_key.
// A request that sends this header (any value: a fresh id per test) belongs to that scope: the
// request log records it and faults can target it, so tests running in parallel against one
// fake each see and break only their own traffic.
export const FAKE_SCOPE_HEADER = 'x-fake-scope'
