import type { PayloadRequest } from 'payload'

import { refuseCredentials } from './auth'
import { badRequest, type FieldProblem } from './errors'
import { parseIsoDate } from './filters'
import { type Actor, idForLegacyId } from './operations'
import { type ApiVersion, legacyIdFromUri, listUri, RESOURCES, type ResourceName, versionFromCode } from './resources'

/**
 * A request body of python.org's API (snake_case JSON, related objects as
 * URIs) turned into collection data (camelCase, related objects as UUIDs).
 * Fields the API does not write (resource_uri, created...) are ignored, as the
 * old site ignored them; a value of the wrong type is a 400 naming the field.
 */
type Kind = 'boolean' | 'date' | 'integer' | 'optionalText' | 'text' | 'version'

type InputField = { field: string; kind: Kind } | { field: string; kind: 'related'; resource: ResourceName }

const text = (field: string): InputField => ({ field, kind: 'text' })
const optionalText = (field: string): InputField => ({ field, kind: 'optionalText' })
const boolean = (field: string): InputField => ({ field, kind: 'boolean' })
const related = (field: string, resource: ResourceName): InputField => ({ field, kind: 'related', resource })

const INPUTS: Record<Exclude<ResourceName, 'page'>, Record<string, InputField>> = {
  os: { name: text('name'), slug: text('slug') },
  release: {
    content: optionalText('content'),
    is_latest: boolean('isLatest'),
    is_published: boolean('isPublished'),
    name: text('name'),
    pre_release: boolean('preRelease'),
    release_date: { field: 'releaseDate', kind: 'date' },
    release_notes_url: optionalText('releaseNotesUrl'),
    release_page: related('releasePage', 'page'),
    show_on_download_page: boolean('showOnDownloadPage'),
    slug: text('slug'),
    version: { field: 'version', kind: 'version' },
  },
  release_file: {
    description: optionalText('description'),
    download_button: boolean('downloadButton'),
    filesize: { field: 'filesize', kind: 'integer' },
    gpg_signature_file: optionalText('gpgSignatureFile'),
    is_source: boolean('isSource'),
    md5_sum: optionalText('md5Sum'),
    name: text('name'),
    os: related('os', 'os'),
    release: related('release', 'release'),
    sbom_spdx2_file: optionalText('sbomSpdx2File'),
    sha256_sum: optionalText('sha256Sum'),
    sigstore_bundle_file: optionalText('sigstoreBundleFile'),
    sigstore_cert_file: optionalText('sigstoreCertFile'),
    sigstore_signature_file: optionalText('sigstoreSignatureFile'),
    slug: text('slug'),
    url: text('url'),
  },
}

/** What a create (and a v2 PUT) must carry. */
const REQUIRED: Record<Exclude<ResourceName, 'page'>, string[]> = {
  os: ['name'],
  release: ['name'],
  release_file: ['name', 'os', 'release', 'url'],
}

const problem = (field: string, message: string): FieldProblem => ({ field, message: `${field}: ${message}` })

/** The body as a JSON object; anything else (malformed JSON, an array) is a 400. */
export const readJsonBody = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  let raw = ''
  try {
    raw = (await req.text?.()) ?? ''
  } catch {
    throw badRequest('The request body could not be read.')
  }
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    // credentials in a form body are refused as such, not as bad JSON
    refuseCredentials(new URLSearchParams(raw).keys())
    throw badRequest('The request body must be a JSON object (malformed JSON).')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The request body must be a JSON object.')
  refuseCredentials(Object.keys(body))
  return body as Record<string, unknown>
}

/**
 * What python.org turned into a boolean: Django REST framework's words (v2)
 * and Django's own (v1 handed the value to the model field).
 */
const TRUE = new Set<unknown>([
  true,
  1,
  '1',
  't',
  'T',
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
])
const FALSE = new Set<unknown>([
  false,
  0,
  '0',
  'f',
  'F',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
])

/** Python's int() of a string, after DRF drops a trailing ".0": " 12 ", "+12", "1_000", "12.0". */
const INTEGER_TEXT = /^\s*[+-]?\d+(?:_\d+)*(?:\.0*)?\s*$/

type Converted = { problem: FieldProblem } | { value: unknown }

const convert = async (
  actor: Actor,
  apiVersion: ApiVersion,
  name: string,
  spec: InputField,
  value: unknown,
): Promise<Converted> => {
  switch (spec.kind) {
    case 'text':
      if (value === null || typeof value === 'string') return { value }
      // DRF's CharField (and v1's model field) took a number as its text
      if (typeof value === 'number' && Number.isFinite(value)) return { value: String(value) }
      return { problem: problem(name, 'expected a string') }
    case 'optionalText':
      // python.org stored blank as ''; here an empty value is no value
      if (value === null || value === '') return { value: null }
      if (typeof value === 'string') return { value }
      if (typeof value === 'number' && Number.isFinite(value)) return { value: String(value) }
      return { problem: problem(name, 'expected a string') }
    case 'boolean':
      if (TRUE.has(value)) return { value: true }
      if (FALSE.has(value)) return { value: false }
      return { problem: problem(name, 'expected true or false') }
    case 'integer': {
      const number = typeof value === 'string' && INTEGER_TEXT.test(value) ? Number(value.replace(/[_\s]/g, '')) : value
      if (typeof number === 'number' && Number.isSafeInteger(number)) return { value: number }
      return { problem: problem(name, 'expected a whole number') }
    }
    case 'date': {
      if (value === null || value === '') return { value: null }
      const date = typeof value === 'string' ? parseIsoDate(value)?.date : undefined
      if (date) return { value: date.toISOString() }
      return { problem: problem(name, 'expected a date (YYYY-MM-DD or ISO 8601)') }
    }
    case 'version': {
      const code = typeof value === 'string' && /^\d{1,6}$/.test(value.trim()) ? Number(value) : value
      const version = typeof code === 'number' ? versionFromCode(code) : undefined
      if (version) return { value: version }
      return { problem: problem(name, 'expected 1, 2, 3 or 100 (the Python install manager)') }
    }
    case 'related': {
      if (value === null || value === '') return { value: null }
      const legacyId = legacyIdFromUri(spec.resource, value)
      const example = `${listUri(apiVersion, spec.resource)}3/`
      if (!legacyId)
        return { problem: problem(name, `expected the URI of a ${RESOURCES[spec.resource].label}, like "${example}"`) }
      const id = await idForLegacyId(actor, spec.resource, legacyId)
      if (!id)
        return {
          problem: problem(
            name,
            `no ${RESOURCES[spec.resource].label} ${listUri(apiVersion, spec.resource)}${legacyId}/`,
          ),
        }
      return { value: id }
    }
  }
}

/**
 * Collection data for a create (`partial` false: required fields must be
 * there) or an update (`partial` true: only what the body carries).
 */
export const toCollectionData = async (
  actor: Actor,
  apiVersion: ApiVersion,
  resource: Exclude<ResourceName, 'page'>,
  body: Record<string, unknown>,
  { partial }: { partial: boolean },
): Promise<Record<string, unknown>> => {
  const data: Record<string, unknown> = {}
  const problems: FieldProblem[] = []
  if (!partial) {
    for (const name of REQUIRED[resource]) {
      if (body[name] === undefined || body[name] === null || body[name] === '')
        problems.push(problem(name, 'this field is required'))
    }
  }
  for (const [name, spec] of Object.entries(INPUTS[resource])) {
    if (body[name] === undefined || problems.some((known) => known.field === name)) continue
    const converted = await convert(actor, apiVersion, name, spec, body[name])
    if ('problem' in converted) problems.push(converted.problem)
    else data[spec.field] = converted.value
  }
  if (problems.length) throw badRequest(problems.map((known) => known.message).join('; '), problems)
  return data
}
