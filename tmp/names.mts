import { configToSchema } from '@payloadcms/graphql'
import configPromise from '../payload.config.ts'
const config = await configPromise
const { schema } = configToSchema(config)
const q = schema.getQueryType()!.getFields()
console.log(Object.keys(q).join(' '))
for (const c of config.collections) console.log(c.slug, '->', (c.graphQL as any)?.singularName, (c.graphQL as any)?.pluralName)
