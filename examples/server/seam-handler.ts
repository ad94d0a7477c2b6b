import { createSeamConnectHandler } from 'react-seam-connect/server'
import { currentUserId } from './session'

// One handler for every framework below. The browser's client points at it:
// createSeamConnectClient({ endpoint: '/api/seam' }), or <SeamConnectProvider endpoint="/api/seam">.
export const seamHandler = createSeamConnectHandler({
  apiKey: process.env.SEAM_API_KEY ?? '',
  endpoint: process.env.SEAM_ENDPOINT, // omit for https://connect.getseam.com
  basePath: '/api/seam',
  // Who is asking, from your own session. Every webview this user creates carries user_id, and
  // they can only read, list and update webviews and accounts that carry it.
  authorize: async (request) => {
    const userId = await currentUserId(request)
    return userId ? { trustedMetadata: { user_id: userId } } : null
  },
  onError: (error) => console.error('Seam handler:', error),
})
