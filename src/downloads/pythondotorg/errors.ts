import { APIError, type PayloadRequest, ValidationError } from 'payload'

/**
 * Every refusal of python.org's API is a status and `{"error_message": ...}`
 * (what the release tooling prints). Validation failures also list the
 * fields, in the API's snake_case. Beside them, each body carries the keys
 * python.org's own frameworks answered with (see `pythondotorgShape`).
 */
export type FieldProblem = { field: string; message: string }

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiProblem'
  }
}

export const badRequest = (message: string, fields: FieldProblem[] = []) => new ApiProblem(400, message, fields)
export const notFound = (what: string) => new ApiProblem(404, `No ${what} here.`)

export const toSnakeCase = (name: string): string => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

const API_PATH = /\/api\/(v[12])\/([a-z]+\/[a-z_]+)/

/**
 * What python.org's frameworks put in an error body, for clients that read
 * them: Tastypie (v1) `{"<resource>": {"<field>": [...]}}` for a validation
 * failure and `{"error": "..."}` for any other bad request; Django REST
 * framework (v2) `{"<field>": [...]}` for a validation failure and
 * `{"detail": "..."}` otherwise.
 */
const pythondotorgShape = (problem: ApiProblem, path: string | undefined): Record<string, unknown> => {
  const [, version, resource] = API_PATH.exec(path ?? '') ?? []
  if (!version) return {}
  const byField: Record<string, string[]> = {}
  for (const { field, message } of problem.fields) (byField[field] ??= []).push(message)
  if (version === 'v1') {
    if (problem.fields.length) return { [resource!]: byField }
    return problem.status === 400 ? { error: problem.message } : {}
  }
  return problem.fields.length ? byField : { detail: problem.message }
}

export const problemResponse = (problem: ApiProblem, path?: string): Response =>
  Response.json(
    {
      ...pythondotorgShape(problem, path),
      error_message: problem.message,
      ...(problem.fields.length ? { errors: problem.fields } : {}),
    },
    { headers: problem.headers, status: problem.status },
  )

/** The database's own backstop for the ReleaseFile rules, named as the hook names them. */
const CONSTRAINT_FIELDS: Record<string, FieldProblem> = {
  'release_id, os_id': {
    field: 'download_button',
    message: 'download_button: this release already has a download button file for this OS',
  },
}

const fieldProblem = ({ message, path }: { message: string; path?: null | string }): FieldProblem => {
  if (path && CONSTRAINT_FIELDS[path]) return CONSTRAINT_FIELDS[path]
  if (!path) return { field: 'non_field_errors', message }
  const field = toSnakeCase(path)
  // the collection's messages name the camelCase field: speak the API's names
  if (message.startsWith(path)) return { field, message: `${field}${message.slice(path.length)}` }
  if (/must be unique/i.test(message))
    return { field, message: `${field}: must be unique (this value is already taken)` }
  return { field, message: `${field}: ${message}` }
}

const pgCode = (err: unknown): string | undefined => {
  const { cause, code } = (err ?? {}) as { cause?: { code?: unknown }; code?: unknown }
  if (typeof code === 'string') return code
  return typeof cause?.code === 'string' ? cause.code : undefined
}

/**
 * What a refusal from Payload (access, validation, the database's unique
 * indexes) becomes. Anything else is a real fault: logged, and a 500.
 */
export const toProblem = (err: unknown, req: PayloadRequest): ApiProblem => {
  if (err instanceof ApiProblem) return err
  if (err instanceof ValidationError || (err as Error)?.name === 'ValidationError') {
    const errors = ((err as ValidationError).data?.errors ?? []) as { message: string; path?: string }[]
    const fields = errors.map(fieldProblem)
    return badRequest(fields.map((problem) => problem.message).join('; ') || (err as Error).message, fields)
  }
  if (pgCode(err) === '23505') {
    const detail = String(
      (err as { cause?: { detail?: string } }).cause?.detail ?? (err as { detail?: string }).detail ?? '',
    )
    const columns = /Key \(([^)]+)\)/.exec(detail)?.[1] ?? ''
    const known = CONSTRAINT_FIELDS[columns]
    return badRequest(known?.message ?? `${columns || 'value'}: must be unique`, known ? [known] : [])
  }
  if (err instanceof APIError && err.status >= 400 && err.status < 500) {
    return new ApiProblem(err.status, err.message)
  }
  req.payload.logger.error({ err, msg: 'python.org API: unexpected error' })
  return new ApiProblem(500, 'Internal error.')
}
