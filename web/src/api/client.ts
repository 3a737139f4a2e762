/**
 * The typed client of the Goban HTTP API. It sends requests only to `/api/`
 * on the page's own origin, which nginx or the Vite proxy forwards to a
 * server, and records which server sent the last response.
 */
import { ApiError, SessionError, errorFromResponse } from './errors'
import type {
  ApiPoint,
  BoardChange,
  GameRecord,
  LoginBody,
  RecordCreate,
  RecordDetail,
  RecordPage,
  RecordUpdate,
  RegisterBody,
  SgfDownload,
  User,
} from './types'

export const SGF_MEDIA_TYPE = 'application/x-go-sgf'

export interface ApiClientOptions {
  /** The token of the logged-in person, or null. */
  getToken: () => string | null
  /** Called with the `X-Goban-Server` header of every response (null when missing). */
  onServer?: (server: string | null) => void
  /** Called before a SessionError is thrown, so the app can send the person to log in. */
  onSessionRejected?: (error: SessionError) => void
  fetch?: typeof fetch
  /** Path prefix of the API, `/api/` unless a test sets another. */
  baseUrl?: string
}

interface RequestOptions {
  method?: string
  body?: unknown
  rawBody?: BodyInit
  contentType?: string
  authenticated?: boolean
  /** A 403 here may be a rule of Go (an illegal move, nothing to undo) rather than a rejected token. */
  forbiddenMayBeRule?: boolean
}

export class ApiClient {
  lastServer: string | null = null
  private readonly options: ApiClientOptions
  private readonly baseUrl: string

  constructor(options: ApiClientOptions) {
    this.options = options
    this.baseUrl = options.baseUrl ?? '/api/'
  }

  register(body: RegisterBody): Promise<User> {
    return this.json<User>('register/', { method: 'POST', body, authenticated: false })
  }

  /** Log in and return the token. */
  login(body: LoginBody): Promise<string> {
    return this.json<string>('login/', { method: 'POST', body, authenticated: false })
  }

  currentUser(): Promise<User> {
    return this.json<User>('user/')
  }

  listRecords(page: number, pageSize = 10): Promise<RecordPage> {
    const query = new URLSearchParams({ page: String(page), page_size: String(pageSize) })
    return this.json<RecordPage>(`records/?${query.toString()}`)
  }

  createRecord(body: RecordCreate): Promise<GameRecord> {
    return this.json<GameRecord>('records/', { method: 'POST', body })
  }

  getRecord(id: number): Promise<RecordDetail> {
    return this.json<RecordDetail>(`records/${id}/`)
  }

  updateRecord(id: number, body: RecordUpdate): Promise<GameRecord> {
    return this.json<GameRecord>(`records/${id}/`, { method: 'PATCH', body })
  }

  async deleteRecord(id: number): Promise<void> {
    await this.send(`records/${id}/`, { method: 'DELETE' })
  }

  play(id: number, point: ApiPoint): Promise<BoardChange> {
    const body = { x: point.x, y: point.y }
    return this.json<BoardChange>(`records/${id}/play/`, { method: 'POST', body, forbiddenMayBeRule: true })
  }

  async pass(id: number): Promise<void> {
    await this.send(`records/${id}/pass/`, { method: 'POST' })
  }

  undo(id: number): Promise<BoardChange> {
    return this.json<BoardChange>(`records/${id}/undo/`, { method: 'POST', forbiddenMayBeRule: true })
  }

  async downloadSgf(id: number): Promise<SgfDownload> {
    const response = await this.send(`records/${id}/download/`)
    const filename = filenameFromDisposition(response.headers.get('Content-Disposition')) ?? `record-${id}.sgf`
    return { blob: await response.blob(), filename }
  }

  /** Create a record from an SGF file and return its detail. */
  importSgf(file: Blob): Promise<RecordDetail> {
    return this.json<RecordDetail>('records/import/', {
      method: 'POST',
      rawBody: file,
      contentType: SGF_MEDIA_TYPE,
    })
  }

  private async json<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(path, options)
    try {
      return (await response.json()) as T
    } catch {
      throw new ApiError(response.status, 'The server sent a response that is not valid JSON.')
    }
  }

  private async send(path: string, options: RequestOptions = {}): Promise<Response> {
    const authenticated = options.authenticated ?? true
    const response = await this.fetchRecorded(path, options, authenticated)
    if (response.ok) {
      return response
    }

    const error = await errorFromResponse(response)
    if (response.status === 403 && authenticated) {
      if (options.forbiddenMayBeRule && (await this.tokenIsAccepted())) {
        throw error
      }
      const rejected = new SessionError(error.message)
      this.options.onSessionRejected?.(rejected)
      throw rejected
    }
    throw error
  }

  private async fetchRecorded(path: string, options: RequestOptions, authenticated: boolean): Promise<Response> {
    const headers = new Headers({ Accept: 'application/json' })
    let body: BodyInit | undefined
    if (options.rawBody !== undefined) {
      body = options.rawBody
      headers.set('Content-Type', options.contentType ?? 'application/octet-stream')
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body)
      headers.set('Content-Type', 'application/json')
    }
    const token = this.options.getToken()
    if (authenticated && token) {
      headers.set('Authorization', `Bearer ${token}`)
    }

    const fetchFunction = this.options.fetch ?? globalThis.fetch.bind(globalThis)
    let response: Response
    try {
      response = await fetchFunction(this.baseUrl + path, { method: options.method ?? 'GET', headers, body })
    } catch {
      throw new ApiError(0, 'The server could not be reached. Check your connection and try again.')
    }
    this.lastServer = response.headers.get('X-Goban-Server')
    this.options.onServer?.(this.lastServer)
    return response
  }

  /** Tell whether the server still accepts the token, to read a 403 on a move correctly. */
  private async tokenIsAccepted(): Promise<boolean> {
    const response = await this.fetchRecorded('user/', {}, true)
    return response.status !== 403
  }
}

/**
 * Read the file name from a Content-Disposition header, preferring the
 * RFC 6266 `filename*=UTF-8''…` form that carries non-ASCII names.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) {
    return null
  }
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // A malformed percent escape: fall back to the plain filename below.
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header)
  if (quoted?.[1] !== undefined) {
    return quoted[1].replace(/\\(.)/g, '$1')
  }
  const bare = /filename\s*=\s*([^;\s]+)/i.exec(header)
  return bare?.[1] ?? null
}
