/**
 * In which order, and in how many transactions, the files are imported.
 *
 * Every file is one transaction: it lands whole or not at all. Foreign keys
 * may point into another file, given in any order: a file is imported after
 * the files holding the models its models depend on (`ModelMapper.dependsOn`).
 * Files that depend on each other (users and jobs in one, job categories and
 * success stories' authors in the other), or hold models that must commit
 * together (`ModelMapper.commitsWith`), form one group, imported in one
 * transaction. Within a group the models go in dependency order.
 */
import type { ModelMapper } from '../../src/platform/djangoImport'

/** Mappers in dependency order (a mapper after those of the models it depends on). */
export const orderMappers = (mappers: ModelMapper[]): ModelMapper[] => {
  const byModel = new Map(mappers.map((mapper) => [mapper.model, mapper]))
  const done = new Set<string>()
  const visiting = new Set<string>()
  const result: ModelMapper[] = []
  const visit = (mapper: ModelMapper) => {
    if (done.has(mapper.model)) return
    if (visiting.has(mapper.model)) throw new Error(`mappers depend on each other in a cycle through ${mapper.model}`)
    visiting.add(mapper.model)
    for (const dependency of mapper.dependsOn ?? []) {
      const other = byModel.get(dependency)
      if (other) visit(other)
    }
    visiting.delete(mapper.model)
    done.add(mapper.model)
    result.push(mapper)
  }
  mappers.forEach(visit)
  return result
}

/**
 * Groups of file numbers (indexes into `files`), in import order: the
 * strongly connected components of "file A needs a model of file B"
 * (Tarjan), dependencies first, otherwise in the order the files were given.
 */
export const planGroups = (files: { models: Iterable<string> }[], mappers: ModelMapper[]): number[][] => {
  const byModel = new Map(mappers.map((mapper) => [mapper.model, mapper]))
  const holders = new Map<string, number[]>()
  files.forEach((file, index) => {
    for (const model of file.models) holders.set(model, [...(holders.get(model) ?? []), index])
  })
  // edges[a] = files a must come after (or commit with)
  const edges = files.map(() => new Set<number>())
  files.forEach((file, index) => {
    for (const model of file.models) {
      const mapper = byModel.get(model)
      if (!mapper) continue
      for (const dependency of mapper.dependsOn ?? []) {
        for (const other of holders.get(dependency) ?? []) if (other !== index) edges[index]!.add(other)
      }
      for (const partner of mapper.commitsWith ?? []) {
        for (const other of holders.get(partner) ?? []) {
          if (other === index) continue
          edges[index]!.add(other)
          edges[other]!.add(index)
        }
      }
    }
  })

  // Tarjan's algorithm emits each component after every component it points to: dependencies first
  let counter = 0
  const number = new Map<number, number>()
  const low = new Map<number, number>()
  const stack: number[] = []
  const onStack = new Set<number>()
  const groups: number[][] = []
  const connect = (node: number) => {
    number.set(node, counter)
    low.set(node, counter)
    counter++
    stack.push(node)
    onStack.add(node)
    for (const next of [...edges[node]!].sort((a, b) => a - b)) {
      if (!number.has(next)) {
        connect(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, number.get(next)!))
      }
    }
    if (low.get(node) === number.get(node)) {
      const group: number[] = []
      let member: number
      do {
        member = stack.pop()!
        onStack.delete(member)
        group.push(member)
      } while (member !== node)
      groups.push(group.sort((a, b) => a - b))
    }
  }
  files.forEach((_file, index) => {
    if (!number.has(index)) connect(index)
  })
  return groups
}
