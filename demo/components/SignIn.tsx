import type { DemoUser } from '../session'

export interface SignInProps {
  users: readonly DemoUser[]
  pending: boolean
  onSignIn: (userId: string) => void
}

/** The demo's stand-in for an app's own sign-in page. */
export function SignIn({ users, pending, onSignIn }: SignInProps) {
  return (
    <section className="panel" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in to the demo app</h2>
      <p className="hint">
        Your app’s own sign-in. The Seam handler on the demo’s server reads who you are from this
        session, and adds your user id to every webview as trusted metadata.
      </p>
      <div className="actions">
        {users.map((user) => (
          <button key={user.id} type="button" disabled={pending} onClick={() => onSignIn(user.id)}>
            Sign in as {user.name}
          </button>
        ))}
      </div>
    </section>
  )
}
