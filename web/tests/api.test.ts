import { describe, expect, it, vi } from 'vitest'
import { ApiClient, ApiError, SessionError, filenameFromDisposition } from '../src/api'

interface Reply {
  status: number
  body?: unknown
  raw?: string
  headers?: Record<string, string>
}

/** Return a fetch that sends the queued replies in order and records each request. */
function fakeFetch(...replies: Reply[]) {
  const requests: { url: string; init: RequestInit }[] = []
  const fetch = vi.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    requests.push({ url: String(url), init })
    const reply = replies.shift()
    if (!reply) throw new Error(`unexpected request to ${String(url)}`)
    const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body))
    return new Response(reply.status === 204 ? null : text, {
      status: reply.status,
      headers: { 'Content-Type': 'application/json', 'X-Goban-Server': 'fastapi', ...reply.headers },
    })
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests }
}

function client(fetch: typeof globalThis.fetch, token: string | null = 'the-token') {
  const rejected: SessionError[] = []
  const api = new ApiClient({ fetch, getToken: () => token, onSessionRejected: (error) => rejected.push(error) })
  return { api, rejected }
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('the request was expected to fail')
}

describe('ApiClient', () => {
  it('sends the token and JSON body and records the server', async () => {
    const record = { id: 4, board_size: 9 }
    const { fetch, requests } = fakeFetch({ status: 201, body: record })
    const { api } = client(fetch)

    expect(await api.createRecord({ board_size: 9, komi: 6.5 })).toEqual(record)
    const request = requests[0]!
    expect(request.url).toBe('/api/records/')
    expect(request.init.method).toBe('POST')
    expect(request.init.body).toBe('{"board_size":9,"komi":6.5}')
    const headers = new Headers(request.init.headers)
    expect(headers.get('Authorization')).toBe('Bearer the-token')
    expect(headers.get('Content-Type')).toBe('application/json')
    expect(api.lastServer).toBe('fastapi')
  })

  it('returns the token from login without sending one', async () => {
    const { fetch, requests } = fakeFetch({ status: 200, body: 'new.jwt.token' })
    const { api } = client(fetch, 'old')
    expect(await api.login({ username: 'ann', password: 'secret123' })).toBe('new.jwt.token')
    expect(new Headers(requests[0]!.init.headers).has('Authorization')).toBe(false)
  })

  it('asks for the requested page', async () => {
    const { fetch, requests } = fakeFetch({ status: 200, body: { count: 0, pages: 1, results: [] } })
    await client(fetch).api.listRecords(3, 10)
    expect(requests[0]!.url).toBe('/api/records/?page=3&page_size=10')
  })

  it('parses field errors of a 400', async () => {
    const { fetch } = fakeFetch({ status: 400, body: { komi: ['Must be a multiple of 0.5.'], name: 'Too long.' } })
    const error = await failure(client(fetch).api.createRecord({ board_size: 9 }))
    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.status).toBe(400)
    expect(apiError.forField('komi')).toEqual(['Must be a multiple of 0.5.'])
    expect(apiError.forField('name')).toEqual(['Too long.'])
    expect(apiError.forField('ruleset')).toEqual([])
  })

  it('uses detail as the message', async () => {
    const { fetch } = fakeFetch({ status: 404, body: { detail: 'Not found.' } })
    const error = (await failure(client(fetch).api.getRecord(9))) as ApiError
    expect(error.status).toBe(404)
    expect(error.message).toBe('Not found.')
    expect(error.fieldErrors).toEqual({})
  })

  it('falls back to the status when the body is not JSON', async () => {
    const { fetch } = fakeFetch({ status: 502, raw: '<html>Bad Gateway</html>', headers: { 'X-Goban-Server': '' } })
    const error = (await failure(client(fetch).api.getRecord(9))) as ApiError
    expect(error.status).toBe(502)
    expect(error.message).toContain('502')
  })

  it('reports an unreachable server with status 0', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof globalThis.fetch
    const error = (await failure(client(fetch).api.getRecord(1))) as ApiError
    expect(error.status).toBe(0)
  })

  it('ends the session on a 403 of an ordinary call', async () => {
    const { fetch } = fakeFetch({ status: 403, body: { detail: 'Invalid or expired token.' } })
    const { api, rejected } = client(fetch)
    const error = await failure(api.listRecords(1))
    expect(error).toBeInstanceOf(SessionError)
    expect(rejected).toHaveLength(1)
  })

  it('play 403 with valid token is illegal move', async () => {
    const { fetch, requests } = fakeFetch(
      { status: 403, body: { detail: 'Illegal move: suicide.' } },
      { status: 200, body: { id: 1, username: 'ann', email: 'a@example.com' } },
    )
    const { api, rejected } = client(fetch)
    const error = (await failure(api.play(5, { x: 0, y: 0 }))) as ApiError
    expect(error).not.toBeInstanceOf(SessionError)
    expect(error.status).toBe(403)
    expect(error.message).toBe('Illegal move: suicide.')
    expect(requests[1]!.url).toBe('/api/user/')
    expect(rejected).toEqual([])
  })

  it('undo 403 with rejected token ends session', async () => {
    const { fetch } = fakeFetch(
      { status: 403, body: { detail: 'Invalid or expired token.' } },
      { status: 403, body: { detail: 'Invalid or expired token.' } },
    )
    const { api, rejected } = client(fetch)
    expect(await failure(api.undo(5))).toBeInstanceOf(SessionError)
    expect(rejected).toHaveLength(1)
  })

  it('sends an SGF file as the raw body', async () => {
    const { fetch, requests } = fakeFetch({ status: 201, body: { id: 8, moves: [] } })
    const file = new Blob(['(;SZ[9];B[aa])'])
    await client(fetch).api.importSgf(file)
    expect(requests[0]!.url).toBe('/api/records/import/')
    expect(new Headers(requests[0]!.init.headers).get('Content-Type')).toBe('application/x-go-sgf')
    expect(requests[0]!.init.body).toBe(file)
  })

  it('downloads an SGF with the server file name', async () => {
    const { fetch } = fakeFetch({
      status: 200,
      raw: '(;FF[4])',
      headers: { 'Content-Type': 'application/x-go-sgf', 'Content-Disposition': 'attachment; filename="Ann_vs_Bob_2026_12_04.sgf"' },
    })
    const download = await client(fetch).api.downloadSgf(3)
    expect(download.filename).toBe('Ann_vs_Bob_2026_12_04.sgf')
    expect(await download.blob.text()).toBe('(;FF[4])')
  })

  it('resolves on 204 and null bodies', async () => {
    const { fetch } = fakeFetch({ status: 204 }, { status: 201, body: null })
    const { api } = client(fetch)
    await expect(api.deleteRecord(3)).resolves.toBeUndefined()
    await expect(api.pass(3)).resolves.toBeUndefined()
  })
})

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 form', () => {
    const header = `attachment; filename="_____2026_12_04.sgf"; filename*=UTF-8''%E5%90%8D%E5%B1%80_2026_12_04.sgf`
    expect(filenameFromDisposition(header)).toBe('名局_2026_12_04.sgf')
  })

  it('unescapes a quoted name', () => {
    expect(filenameFromDisposition('attachment; filename="a\\"b.sgf"')).toBe('a"b.sgf')
  })

  it('returns null without a header', () => {
    expect(filenameFromDisposition(null)).toBeNull()
    expect(filenameFromDisposition('attachment')).toBeNull()
  })
})
