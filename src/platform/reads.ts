/**
 * Custom reads: a query a frontend needs beyond Payload's generated list and
 * by-id reads ("the latest release", "the page at this path"). Each is written
 * once, as a `CustomRead`, and served both as a REST endpoint and as a GraphQL
 * query with the same arguments, the same validation and the same access rules
 * (the resolver runs the Local API with `overrideAccess: false` on the
 * caller's request), so the two APIs can never drift apart.
 *
 * A domain lists its reads in `src/<domain>/reads.ts`; the collection mounts
 * them with `readEndpoints(...)` and `payload.config.ts` gives all of them to
 * GraphQL with `graphQLQueries(...)`.
 */
import type * as GraphQLModule from 'graphql'
import { APIError, type CollectionSlug, type Endpoint, type GraphQLInfo, type PayloadRequest } from 'payload'

type GraphQL = typeof GraphQLModule

export type ArgSpec = { description: string; required?: boolean } & (
  | { type: 'boolean' }
  | { max?: number; min?: number; type: 'int' }
  | { maxLength?: number; pattern?: { hint: string; test: RegExp }; type: 'string' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'datetime' }
  /** a calendar day, YYYY-MM-DD, that exists (2024-02-30 does not); passed on as that text */
  | { type: 'date' }
  /** a document id of this collection (a UUID) */
  | { collection: CollectionSlug; type: 'id' }
)

type ArgValue<S extends ArgSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'int' }
    ? number
    : S extends { type: 'datetime' }
      ? Date
      : S extends { type: 'enum'; values: readonly (infer V)[] }
        ? V
        : string

export type ArgSpecs = Record<string, ArgSpec>

/** The parsed arguments: required ones always present, the others possibly undefined. */
export type ArgsOf<A extends ArgSpecs> = {
  [K in keyof A]: A[K] extends { required: true } ? ArgValue<A[K]> : ArgValue<A[K]> | undefined
}

/**
 * What the read answers, for GraphQL's schema (REST answers the same JSON):
 * one document of a collection (or null), `{ docs }` with a list of them
 * (the GraphQL type is named after the read: activeBanners -> ActiveBanners),
 * a Payload paginated list, or a type of the read's own.
 */
export type Returns =
  | { collection: CollectionSlug; shape: 'doc' | 'list' | 'paginated' }
  | { shape: 'custom'; type: (graphQL: GraphQL, info: GraphQLInfo) => GraphQLModule.GraphQLOutputType }

export type ReadContext = {
  /**
   * How deep to populate relationships: REST takes `?depth=` (default 1);
   * GraphQL always gets 0, because its own field resolvers populate
   * relationships from ids (and would not expect objects).
   */
  depth: number
  via: 'graphql' | 'rest'
}

export type CustomRead<A extends ArgSpecs = ArgSpecs> = {
  args: A
  /**
   * For a read only some may make (beyond what the collections' access rules
   * already hide): throws a 401/403 APIError, before the arguments are looked at.
   */
  authorize?: (req: PayloadRequest) => void
  /** REST: the depth when the request gives no `?depth=` (default: the config's `defaultDepth`) */
  defaultDepth?: number
  description: string
  /** the GraphQL query's name, e.g. `latestRelease` */
  name: string
  /** REST: the 404 message when the read finds nothing, i.e. resolves to null (GraphQL answers null) */
  notFound?: (args: ArgsOf<A>) => string
  /** REST path where the endpoint is mounted (a collection's or the root), e.g. `/latest` or `/by-date/:date` */
  path: string
  resolve: (req: PayloadRequest, args: ArgsOf<A>, context: ReadContext) => Promise<unknown>
  returns: Returns
}

/** Identity, for type inference of a read's arguments. */
export const defineRead = <A extends ArgSpecs>(read: CustomRead<A>): CustomRead<A> => read

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const badArgument = (name: string, rule: string): never => {
  throw new APIError(`${name}: ${rule}`, 400, undefined, true)
}

/** Parses one raw value (a query-string text, or what GraphQL already typed) by its spec. */
export const parseArg = (name: string, spec: ArgSpec, raw: unknown): unknown => {
  // absent is absent; an empty `?name=` is a value, and checked like any other
  if (raw === undefined || raw === null) {
    if (spec.required) badArgument(name, `required (${spec.description})`)
    return undefined
  }
  switch (spec.type) {
    case 'boolean':
      if (raw === true || raw === 'true') return true
      if (raw === false || raw === 'false') return false
      return badArgument(name, 'expected true or false')
    case 'int': {
      const value = typeof raw === 'number' ? raw : /^-?\d+$/.test(String(raw)) ? Number(raw) : Number.NaN
      if (!Number.isSafeInteger(value)) return badArgument(name, 'expected a whole number')
      if (spec.min !== undefined && value < spec.min) badArgument(name, `must be at least ${spec.min}`)
      if (spec.max !== undefined && value > spec.max) badArgument(name, `must be at most ${spec.max}`)
      return value
    }
    case 'enum': {
      // case-insensitive (`?version=python3`), answered in the canonical spelling
      const value = spec.values.find((candidate) => candidate.toLowerCase() === String(raw).toLowerCase())
      return value ?? badArgument(name, `expected one of ${spec.values.join(', ')}`)
    }
    case 'datetime': {
      const text = String(raw)
      // a date (2024-01-15) or an ISO 8601 date-time; Date.parse alone accepts too much
      const date = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)
        ? new Date(text)
        : new Date(Number.NaN)
      if (Number.isNaN(date.getTime())) badArgument(name, 'expected an ISO 8601 date or date-time')
      return date
    }
    case 'date': {
      const text = String(raw)
      const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00.000Z`) : new Date(Number.NaN)
      // Date rolls 2024-02-30 over into March: the day must come back unchanged
      if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) {
        badArgument(name, 'expected a date as YYYY-MM-DD')
      }
      return text
    }
    case 'id': {
      const text = String(raw)
      if (!UUID.test(text)) badArgument(name, `expected a ${spec.collection} id (a UUID)`)
      return text
    }
    case 'string': {
      // surrounding blanks never mean anything in an argument; "  " is no text at all
      const value = String(raw).trim()
      if (!value && spec.required) badArgument(name, `required (${spec.description})`)
      if (spec.maxLength !== undefined && value.length > spec.maxLength) {
        badArgument(name, `at most ${spec.maxLength} characters`)
      }
      if (spec.pattern && !spec.pattern.test.test(value)) badArgument(name, `expected ${spec.pattern.hint}`)
      return value
    }
  }
}

export const parseArgs = <A extends ArgSpecs>(specs: A, raw: (name: string) => unknown): ArgsOf<A> =>
  Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, parseArg(name, spec, raw(name))])) as ArgsOf<A>

const restDepth = (req: PayloadRequest, defaultDepth = req.payload.config.defaultDepth): number => {
  const raw = req.searchParams.get('depth')
  if (raw === null) return defaultDepth
  const depth = Number(raw)
  const max = req.payload.config.maxDepth
  if (!/^\d+$/.test(raw) || depth > max) badArgument('depth', `expected a whole number from 0 to ${max}`)
  return depth
}

/** The REST endpoint of a read: arguments from the route (`:name`) or the query string. */
export const readEndpoint = (read: CustomRead<any>): Endpoint => ({
  handler: async (req) => {
    read.authorize?.(req)
    const args = parseArgs(read.args, (name) => req.routeParams?.[name] ?? req.searchParams.get(name))
    const result = await read.resolve(req, args, { depth: restDepth(req, read.defaultDepth), via: 'rest' })
    // GraphQL answers null; REST says what was not found
    if (result === null) {
      throw new APIError(read.notFound?.(args) ?? 'Not found', 404, undefined, true)
    }
    return Response.json(result)
  },
  method: 'get',
  path: read.path,
})

export const readEndpoints = (reads: CustomRead<any>[]): Endpoint[] => reads.map(readEndpoint)

const graphQLArgType = (graphQL: GraphQL, spec: ArgSpec) => {
  const base =
    spec.type === 'boolean'
      ? graphQL.GraphQLBoolean
      : spec.type === 'int'
        ? graphQL.GraphQLInt
        : // enums, dates and ids travel as strings and are checked by parseArg, as in REST
          graphQL.GraphQLString
  return spec.required ? new graphQL.GraphQLNonNull(base) : base
}

const pascal = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`

const graphQLReturnType = (graphQL: GraphQL, info: GraphQLInfo, read: CustomRead<any>) => {
  const { returns } = read
  if (returns.shape === 'custom') return returns.type(graphQL, info)
  const collection = info.collections[returns.collection]?.graphQL
  if (!collection) throw new Error(`custom read: ${returns.collection} has no GraphQL types`)
  if (returns.shape === 'doc') return collection.type
  if (returns.shape === 'list') {
    return new graphQL.GraphQLObjectType({
      fields: {
        docs: {
          type: new graphQL.GraphQLNonNull(new graphQL.GraphQLList(new graphQL.GraphQLNonNull(collection.type))),
        },
      },
      name: pascal(read.name),
    })
  }
  // Payload builds the list query's paginated type a second time under the same name; only
  // the query's own instance is in the schema (two instances of one name would be refused)
  const listQuery = (info.Query.fields as Record<string, { type?: GraphQLModule.GraphQLOutputType }>)[
    collection.paginatedType.name
  ]
  return listQuery?.type ?? collection.paginatedType
}

/**
 * A Payload paginated list of `collection` with fields of the read's own
 * beside it (e.g. the feed aggregate whose entries these are).
 */
export const paginatedWith = (
  graphQL: GraphQL,
  info: GraphQLInfo,
  collection: CollectionSlug,
  name: string,
  fields: GraphQLModule.GraphQLFieldConfigMap<unknown, unknown>,
) => {
  const paginated = info.collections[collection]?.graphQL?.paginatedType
  if (!paginated) throw new Error(`custom read: ${collection} has no GraphQL types`)
  return new graphQL.GraphQLObjectType({ fields: { ...paginated.toConfig().fields, ...fields }, name })
}

/** `graphQL.queries` for payload.config.ts: one query per read. */
export const graphQLQueries =
  (reads: CustomRead<any>[]) =>
  (graphQL: GraphQL, info: GraphQLInfo): Record<string, unknown> =>
    Object.fromEntries(
      reads.map((read) => [
        read.name,
        {
          args: Object.fromEntries(
            Object.entries(read.args as ArgSpecs).map(([name, spec]) => [
              name,
              { description: spec.description, type: graphQLArgType(graphQL, spec) },
            ]),
          ),
          description: read.description,
          resolve: async (_source: unknown, raw: Record<string, unknown>, context: { req: PayloadRequest }) => {
            read.authorize?.(context.req)
            return read.resolve(
              context.req,
              parseArgs(read.args, (name) => raw[name]),
              { depth: 0, via: 'graphql' },
            )
          },
          type: graphQLReturnType(graphQL, info, read),
        },
      ]),
    )
