/**
 * The logged-in person, shared by every view. The token is kept in
 * localStorage so that a reload keeps the session. A token the server
 * rejects ends the session with a message shown on the login page.
 */
import { computed, reactive, readonly } from 'vue'
import { ApiClient, ApiError, SessionError, type User } from '../api'

const TOKEN_KEY = 'goban.token'

function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

function storeToken(token: string | null): void {
  try {
    if (token === null) {
      localStorage.removeItem(TOKEN_KEY)
    } else {
      localStorage.setItem(TOKEN_KEY, token)
    }
  } catch {
    // Private browsing may refuse storage; the session then lasts until a reload.
  }
}

const state = reactive({
  token: storedToken(),
  user: null as User | null,
  /** A message for the login page, e.g. why the session ended. */
  notice: '',
  /** The `X-Goban-Server` header of the last response. */
  server: null as string | null,
})

/** Called when the server rejects the token; the router sets it to go to the login page. */
let onSessionEnded: (() => void) | null = null

export const api = new ApiClient({
  getToken: () => state.token,
  onServer: (server) => {
    state.server = server
  },
  onSessionRejected: () => {
    endSession('Your session has expired or was rejected. Please log in again.')
    onSessionEnded?.()
  },
})

function endSession(notice: string): void {
  state.token = null
  state.user = null
  state.notice = notice
  storeToken(null)
}

export function setSessionEndedHandler(handler: () => void): void {
  onSessionEnded = handler
}

export function isLoggedIn(): boolean {
  return state.token !== null
}

/** Turn an error into a message for the page, or null when there is nothing to show. */
export function errorMessage(error: unknown): string | null {
  if (error instanceof SessionError) {
    // The person is already on the way to the login page, which shows the notice.
    return null
  }
  if (error instanceof ApiError) {
    return error.message
  }
  return error instanceof Error ? error.message : String(error)
}

export function useSession() {
  async function login(username: string, password: string): Promise<void> {
    const token = await api.login({ username, password })
    state.token = token
    state.notice = ''
    storeToken(token)
    await loadUser()
  }

  async function loadUser(): Promise<void> {
    if (state.token === null) {
      return
    }
    state.user = await api.currentUser()
  }

  function logout(): void {
    endSession('You have logged out.')
  }

  function clearNotice(): void {
    state.notice = ''
  }

  return {
    state: readonly(state),
    loggedIn: computed(() => state.token !== null),
    login,
    loadUser,
    logout,
    clearNotice,
  }
}
