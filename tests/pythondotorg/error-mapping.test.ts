/**
 * How refusals from Payload and PostgreSQL become python.org API answers
 * (no database: the mapping itself). The race for a download button that
 * the hook cannot see is settled by the partial unique index; its error must
 * read like the hook's, as a 400.
 */
import { APIError, Forbidden, type PayloadRequest, ValidationError } from 'payload'

import { ApiProblem, problemResponse, toProblem } from '../../src/downloads/pythondotorg/errors'

const logged: unknown[] = []
const req = { payload: { logger: { error: (entry: unknown) => logged.push(entry) } } } as unknown as PayloadRequest

const validation = (errors: { message: string; path: string }[]) => new ValidationError({ collection: 'release-files', errors })

describe('error mapping', () => {
  it("names the API's snake_case fields in Payload validation errors", () => {
    const problem = toProblem(
      validation([
        { message: 'sha256Sum must be 64 hexadecimal characters', path: 'sha256Sum' },
        { message: 'This field is required.', path: 'name' },
        { message: 'Value must be unique', path: 'url' },
      ]),
      req,
    )
    expect(problem.status).toBe(400)
    expect(problem.message).toBe('sha256_sum must be 64 hexadecimal characters; name: This field is required.; url: must be unique (this value is already taken)')
    expect(problem.fields.map(({ field }) => field)).toEqual(['sha256_sum', 'name', 'url'])
  })

  it('reads the download-button index violation (as the adapter reports it) as the download-button rule', () => {
    const problem = toProblem(validation([{ message: 'Value must be unique', path: 'release_id, os_id' }]), req)
    expect(problem.status).toBe(400)
    expect(problem.message).toBe('download_button: this release already has a download button file for this OS')
  })

  it('reads a raw unique violation from PostgreSQL as a 400', () => {
    const raw = Object.assign(new Error('Failed query'), {
      cause: { code: '23505', detail: 'Key (release_id, os_id)=(a, b) already exists.' },
    })
    expect(toProblem(raw, req)).toMatchObject({ message: expect.stringMatching(/^download_button: /), status: 400 })
    const other = Object.assign(new Error('x'), { code: '23505', detail: 'Key (slug)=(a) already exists.' })
    expect(toProblem(other, req)).toMatchObject({ message: 'slug: must be unique', status: 400 })
  })

  it('keeps the status of access errors and answers anything unexpected with a logged 500', async () => {
    expect(toProblem(new Forbidden(), req).status).toBe(403)
    expect(toProblem(new APIError('gone', 404), req).status).toBe(404)
    const before = logged.length
    const problem = toProblem(new TypeError('boom'), req)
    expect(problem).toMatchObject({ message: 'Internal error.', status: 500 })
    expect(logged.length).toBe(before + 1)
    const response = problemResponse(new ApiProblem(405, 'no', [], { Allow: 'GET' }))
    expect(response.status).toBe(405)
    expect(response.headers.get('Allow')).toBe('GET')
    expect(await response.json()).toEqual({ error_message: 'no' })
  })
})
