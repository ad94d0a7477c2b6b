import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { SeamConnectProvider } from '../src/index'
import { AccountsPanel } from './components/AccountsPanel'
import { ConnectFlow } from './components/ConnectFlow'
import { SeenByServerPanel } from './components/SeenByServerPanel'
import { SignIn } from './components/SignIn'
import { readSession, sessionQueryKey, signIn, signOut, type DemoSessionReply } from './session'

/** The page's only Seam endpoint: the app's own handler (react-seam-connect/server). */
const SEAM_ENDPOINT = '/api/seam'

export function App() {
  const queryClient = useQueryClient()
  const session = useQuery({ queryKey: sessionQueryKey, queryFn: readSession })
  const onSession = (reply: DemoSessionReply) => {
    // Another user must never see this one's webviews or accounts: the handler answers per
    // cookie, so everything cached for the previous user goes.
    queryClient.clear()
    queryClient.setQueryData(sessionQueryKey, reply)
  }
  const signingIn = useMutation({ mutationFn: signIn, onSuccess: onSession })
  const signingOut = useMutation({ mutationFn: signOut, onSuccess: onSession })
  const user = session.data?.user ?? null

  return (
    <main>
      <header>
        <h1>react-seam-connect</h1>
        <p>
          Attach <code>custom_metadata</code> to a Seam Connect Webview and read it back from the
          connected account. The page talks only to its own server’s Seam handler.{' '}
          {session.data?.seam === 'fake' &&
            'Running against the bundled fake Seam Connect: any username works; the password “wrong” fails the login.'}
        </p>
        {user && (
          <p className="signed-in">
            Signed in as <strong>{user.name}</strong>: your server adds{' '}
            <code>your_app_user_id: {JSON.stringify(user.id)}</code> to every webview, whatever the
            page sends.{' '}
            <button type="button" className="secondary" onClick={() => signingOut.mutate()}>
              Sign out
            </button>
          </p>
        )}
      </header>
      {session.isPending && <p role="status">Loading…</p>}
      {(session.isError || signingIn.isError) && (
        <p role="alert" className="error">
          The demo’s server did not answer: is `npm start` still running?
        </p>
      )}
      {session.data && !user && (
        <SignIn
          users={session.data.users}
          pending={signingIn.isPending}
          onSignIn={(userId) => signingIn.mutate(userId)}
        />
      )}
      {user && (
        // Keyed by user: nothing of one user's flow survives a switch to another.
        <SeamConnectProvider key={user.id} endpoint={SEAM_ENDPOINT}>
          <div className="flow">
            <ConnectFlow />
            <AccountsPanel />
            <SeenByServerPanel />
          </div>
        </SeamConnectProvider>
      )}
    </main>
  )
}
