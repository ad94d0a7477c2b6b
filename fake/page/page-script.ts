// The hosted webview page's inline script, as plain ES2017 text: it runs in whatever browser
// frames the page, without a build step, a framework or any request but its own routes'.
// It follows the reply of the login route (login-route.ts) or of the outcome route
// (outcome-route.ts), which carries the behaviour in effect when it was sent: the message to
// post, where to, and the redirect, each with its delay.

export const VIEW_PAGE_SCRIPT = `
(function () {
  'use strict'
  var config = JSON.parse(document.getElementById('fake-data').textContent)
  var form = document.getElementById('login')
  var outcome = document.getElementById('outcome')
  var status = document.getElementById('status')
  if (!form) return
  var button = form.querySelector('button[type="submit"]')
  // Read from the address, not the markup, so the credential is never written into the page.
  var authToken = new URLSearchParams(window.location.search).get('auth_token') || ''
  var busy = false
  // The login and the poll can both report the outcome: only the first one is run.
  var finished = false
  var pollMs = config.behaviour.page_poll_ms
  var pollTimer = null
  if (pollMs > 0) schedulePoll()

  form.addEventListener('submit', function (event) {
    event.preventDefault()
    if (busy || finished) return
    busy = true
    button.disabled = true
    status.textContent = 'Signing in...'
    var fields = new FormData(form)
    fetch(config.login_path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      cache: 'no-store',
      body: JSON.stringify({
        connect_webview_id: config.connect_webview_id,
        auth_token: authToken,
        provider: fields.get('provider'),
        username: fields.get('username'),
        password: fields.get('password')
      })
    })
      .then(readReply)
      .then(
        function (result) {
          // The poll got there first: the page already shows (and posted) the outcome.
          if (finished) return
          var reply = result.reply || {}
          if (reply.ok === true) return finish(reply)
          var text = (reply.error && reply.error.message) || 'The login could not be completed.'
          // 409: the webview finished elsewhere (e.g. a control route); the form is done. A
          // running poll then fetches that outcome and shows it.
          if (result.code === 409) return show('Login unavailable', text)
          retry(text)
        },
        function () {
          if (!finished) retry('The login could not be completed. Try again.')
        }
      )
  })

  // One request at a time: the next poll is scheduled only once the last one has answered.
  function schedulePoll() {
    pollTimer = window.setTimeout(poll, pollMs)
  }

  function poll() {
    pollTimer = null
    if (finished) return
    var query = new URLSearchParams({
      connect_webview_id: config.connect_webview_id,
      auth_token: authToken
    })
    fetch(config.outcome_path + '?' + query.toString(), { cache: 'no-store' })
      .then(readReply)
      .then(
        function (result) {
          if (finished) return
          var reply = result.reply || {}
          if (reply.ok === true && reply.status !== 'pending') return finish(reply)
          // A refused token or an unknown webview will not change: stop asking.
          if (result.code === 401 || result.code === 404) return
          schedulePoll()
        },
        function () {
          if (!finished) schedulePoll()
        }
      )
  }

  function readReply(response) {
    return response.json().then(function (reply) {
      return { code: response.status, reply: reply }
    })
  }

  function finish(reply) {
    if (finished) return
    finished = true
    if (pollTimer !== null) window.clearTimeout(pollTimer)
    pollTimer = null
    // When the page learnt the outcome and when it posted, on the page's own element, for the
    // bench (bench/browser/latency.ts) to time the embedding page against: wall-clock ms with
    // sub-ms precision, comparable across the frames of one browser.
    document.documentElement.setAttribute('data-outcome-at', String(now()))
    var connected = reply.status === 'authorized'
    show(connected ? 'Account connected' : 'Login failed', connected ? 'Connected' : reply.error_message)
    // Both delays count from the reply, so a test can order the message and the redirect
    // either way; with equal delays the message goes first (timers fire in order).
    var message = reply.message
    // In a frame, to the embedding page; in a popup, to the page that opened it (unverified for
    // Seam's page: the library does not depend on it, see docs/seam-api.md section 5.1).
    var target = window.parent !== window ? window.parent : window.opener
    if (message && target) {
      window.setTimeout(function () {
        try {
          var postedAt = now()
          target.postMessage(message.data, message.target_origin)
          document.documentElement.setAttribute('data-posted-at', String(postedAt))
        } catch (error) {
          status.textContent = 'Could not post the message: ' + error
        }
      }, message.delay_ms)
    }
    var redirect = reply.redirect
    if (redirect) {
      window.setTimeout(function () {
        window.location.assign(redirect.url)
      }, redirect.delay_ms)
    }
  }

  function now() {
    return performance.timeOrigin + performance.now()
  }

  function show(heading, text) {
    form.hidden = true
    outcome.textContent = heading
    outcome.hidden = false
    status.textContent = text
    outcome.focus()
  }

  function retry(text) {
    busy = false
    button.disabled = false
    status.textContent = text
  }
})()
`
