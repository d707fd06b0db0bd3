// Your auth goes here (NextAuth/Auth.js, Clerk, Lucia, …): return the signed-in user's id or null.
// This example reads the demo cookie that `npm start` sets; never trust a plain cookie in production.
export function getUserId(request: Request): string | null {
  const cookie = request.headers.get('cookie') ?? ''
  const match = /(?:^|;\s*)demo_user=([A-Za-z0-9_-]{1,64})(?:;|$)/.exec(cookie)
  return match?.[1] ?? null
}
