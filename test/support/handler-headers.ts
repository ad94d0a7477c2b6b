/** The header a test client sends to be a signed-in user of the shared handler (fake-global-setup). */
export const TEST_USER_HEADER = 'x-test-user'
/** The header a test client sends so that its handler's requests to Seam go in its fake scope. */
export const TEST_SCOPE_HEADER = 'x-test-scope'
