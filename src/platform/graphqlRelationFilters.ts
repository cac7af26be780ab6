/**
 * Filters through a relationship in GraphQL, as REST has them.
 *
 * REST filters on a related document's fields with a dotted path
 * (`/api/jobs?where[category.slug][equals]=web`); Payload's GraphQL where
 * inputs offer only the relationship's own id. For every relationship or
 * upload field to ONE collection that has a `slug` field, the where input
 * (and its AND / OR) gets `<field>__slug`, with the text operators:
 *
 *     Jobs(where: { category__slug: { equals: "web" } })
 *
 * `__` is Payload's own spelling of a nested path in GraphQL (groups use it,
 * and Payload's query validation and database adapter read it as `.`), so
 * the filter runs exactly like the REST one, with the same access rules on
 * the related collection and the same value checks (src/platform/queryValidation.ts).
 * A slug is what frontends have in URLs; other related fields stay REST-only
 * until a frontend needs them (add the name to RELATED_FIELDS).
 */
import type * as GraphQLModule from 'graphql'
import type { FlattenedField, GraphQLInfo } from 'payload'

type GraphQL = typeof GraphQLModule

/** The related fields each relationship can be filtered by. */
export const RELATED_FIELDS = ['slug'] as const

const TEXT_OPERATORS = ['equals', 'not_equals', 'like', 'contains'] as const
const LIST_OPERATORS = ['in', 'not_in'] as const

/** `[relationship field, related field]` pairs of a collection that get a `<field>__<related>` filter. */
export const relationFilterPaths = (info: GraphQLInfo, slug: string): [string, string][] => {
  const collection = info.collections[slug]?.config
  if (!collection) return []
  return collection.flattenedFields.flatMap((field: FlattenedField): [string, string][] => {
    if ((field.type !== 'relationship' && field.type !== 'upload') || typeof field.relationTo !== 'string') return []
    const related = info.collections[field.relationTo]?.config
    if (!related || related.graphQL === false) return []
    return RELATED_FIELDS.filter((name) =>
      related.flattenedFields.some((each) => each.name === name && each.type === 'text'),
    ).map((name) => [field.name, name])
  })
}

/** Adds the filters to every collection's where input types. Call before the schema is built (graphQL.queries). */
export const addRelationFilters = (graphQL: GraphQL, info: GraphQLInfo): void => {
  for (const [slug, { graphQL: types }] of Object.entries(info.collections)) {
    const where = types?.whereInputType
    if (!where) continue
    const paths = relationFilterPaths(info, slug)
    if (!paths.length) continue
    const and = (where.getFields().AND?.type as GraphQLModule.GraphQLList<GraphQLModule.GraphQLInputObjectType>)?.ofType
    const or = (where.getFields().OR?.type as GraphQLModule.GraphQLList<GraphQLModule.GraphQLInputObjectType>)?.ofType
    for (const [field, related] of paths) {
      const key = `${field}__${related}`
      const operators = new graphQL.GraphQLInputObjectType({
        description: `Filters by the related document's ${related} (REST: where[${field}.${related}]).`,
        fields: {
          ...Object.fromEntries(TEXT_OPERATORS.map((name) => [name, { type: graphQL.GraphQLString }])),
          ...Object.fromEntries(
            LIST_OPERATORS.map((name) => [name, { type: new graphQL.GraphQLList(graphQL.GraphQLString) }]),
          ),
          exists: { type: graphQL.GraphQLBoolean },
        },
        name: `${where.name.replace(/_where$/, '')}_${key}_operator`,
      })
      // Payload builds these input types before the schema and exposes no other way to extend them;
      // the field maps are plain objects until the schema is assembled from them
      for (const type of [where, and, or]) {
        if (!type) continue
        type.getFields()[key] = {
          astNode: undefined,
          defaultValue: undefined,
          deprecationReason: undefined,
          description: `${field}'s ${related}`,
          extensions: {},
          name: key,
          type: operators,
        }
      }
    }
  }
}
