/** Errors of the Goban API, parsed from the response bodies the contract defines. */

export type FieldErrors = Record<string, string[]>

/** A request that failed: `status` is 0 when no response arrived. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** Return the messages for one field, empty when the field has none. */
  forField(field: string): string[] {
    return this.fieldErrors[field] ?? []
  }
}

/** The server rejected the token (missing, expired, forged, or its user is gone). */
export class SessionError extends ApiError {
  constructor(message: string) {
    super(403, message)
    this.name = 'SessionError'
  }
}

/**
 * Build an ApiError from a failed response. A body `{"detail": "..."}`
 * gives the message, and an object mapping fields to lists of messages
 * gives field errors. Any other body falls back to the status.
 */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const fallback = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`
  let body: unknown
  try {
    body = JSON.parse(await response.text())
  } catch {
    return new ApiError(response.status, fallback)
  }
  return errorFromBody(response.status, body, fallback)
}

export function errorFromBody(status: number, body: unknown, fallback: string): ApiError {
  if (typeof body === 'string' && body.length > 0) {
    return new ApiError(status, body)
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return new ApiError(status, fallback)
  }

  const entries = Object.entries(body as Record<string, unknown>)
  const detail = (body as Record<string, unknown>).detail
  if (typeof detail === 'string') {
    return new ApiError(status, detail)
  }

  const fieldErrors: FieldErrors = {}
  for (const [field, value] of entries) {
    const messages = asMessages(value)
    if (messages.length > 0) {
      fieldErrors[field] = messages
    }
  }
  const general = fieldErrors.non_field_errors ?? []
  const message = general.length > 0 ? general.join(' ') : 'Please correct the fields marked below.'
  return new ApiError(status, Object.keys(fieldErrors).length > 0 ? message : fallback, fieldErrors)
}

function asMessages(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value]
  }
  if (Array.isArray(value)) {
    return value.filter((item): item is string => typeof item === 'string')
  }
  return []
}
