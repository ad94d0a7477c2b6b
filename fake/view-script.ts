// The hosted webview page's inline script, as plain ES2017 text: it runs in whatever browser
// frames the page, without a build step, a framework or any request but the login POST.
// It follows the login reply (view-login.ts), which carries the behaviour in effect at login
// time: the message to post, where to, and the redirect, each with its delay.

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

  form.addEventListener('submit', function (event) {
    event.preventDefault()
    if (busy) return
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
      .then(function (response) {
        return response.json().then(function (reply) {
          return { code: response.status, reply: reply }
        })
      })
      .then(
        function (result) {
          var reply = result.reply || {}
          if (reply.ok === true) return finish(reply)
          var text = (reply.error && reply.error.message) || 'The login could not be completed.'
          // 409: the webview finished elsewhere (e.g. a control route); the form is done.
          if (result.code === 409) return show('Login unavailable', text)
          retry(text)
        },
        function () {
          retry('The login could not be completed. Try again.')
        }
      )
  })

  function finish(reply) {
    var connected = reply.status === 'authorized'
    show(connected ? 'Account connected' : 'Login failed', connected ? 'Connected' : reply.error_message)
    // Both delays count from the reply, so a test can order the message and the redirect
    // either way; with equal delays the message goes first (timers fire in order).
    var message = reply.message
    if (message) {
      window.setTimeout(function () {
        try {
          window.parent.postMessage(message.data, message.target_origin)
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
