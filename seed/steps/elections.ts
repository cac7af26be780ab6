import { slugify } from '../../fields/slugify'
import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'
import { ID_ONLY, runStep, type SeedRun, type Step } from '../context'
import { electionDates, ELECTIONS, type ElectionSpec } from '../data/elections'

type Nominee = ElectionSpec['nominees'][number]

/**
 * The election taking nominations: members nominate through the
 * nomination workflow (hooks/elections/), which finds or creates the
 * nominee (a self-nomination accepts at once), and nominees answer through
 * the acceptance workflow. The seed records the nominee rows it caused.
 */
const nominateOpenly = async (step: Step, electionSlug: string, electionId: string, nominee: Nominee) => {
  const user = step.actor(nominee.user)
  let nominatedNow = false
  for (const nomination of nominee.nominations) {
    const nominator = step.actor(nomination.nominator)
    const { created } = await step.ensure('nominations', `${electionSlug}/${nominee.user}/by/${nomination.nominator}`, {
      create: async () => {
        // overrideAccess: the system plays the member nominating; the hook makes them the nominator
        const doc = await step.payload.create({
          collection: 'nominations',
          data: {
            election: electionId,
            employer: nomination.employer,
            nomineeUser: user.id,
            statement: nomination.statement,
          } as never,
          overrideAccess: true,
          req: await step.req(nominator),
        })
        return String(doc.id)
      },
    })
    nominatedNow ||= created
  }
  const key = `${electionSlug}/${nominee.user}`
  const nomineeId = await step.findId('nominees', {
    and: [{ election: { equals: electionId } }, { user: { equals: user.id } }],
  })
  if (!nomineeId) throw new Error(`the nomination workflow made no nominee row for ${nominee.user}`)
  // the nominee row the workflow made is the seed's (recorded for --reset)
  if (nominatedNow && !(await step.recorded('nominees', key))) await step.record('nominees', key, nomineeId)
  else step.tally.skipped('nominees')
  if (!nominatedNow) return
  const selfNominated = nominee.nominations.some((nomination) => nomination.nominator === nominee.user)
  if (nominee.acceptance === 'DECLINED' || (nominee.acceptance === 'ACCEPTED' && !selfNominated)) {
    // overrideAccess: the system plays the nominee answering; the hook checks it is them, while nominations are open
    await step.payload.update({
      collection: 'nominees',
      data: { acceptance: nominee.acceptance },
      id: nomineeId,
      ...ID_ONLY,
      overrideAccess: true,
      req: await step.req(user),
    })
  }
}

/**
 * Elections past their nominations: their nominees and nominations are
 * history, carried in the way the python.org import carries them
 * (PRESERVE_CONTENT_MANAGED: as they were, no emails).
 */
const carryNominees = async (step: Step, electionSlug: string, electionId: string, nominee: Nominee) => {
  const user = step.actor(nominee.user)
  const { id: nomineeId } = await step.ensure('nominees', `${electionSlug}/${nominee.user}`, {
    create: async () => {
      // overrideAccess: the system carries an earlier election's candidacies
      const doc = await step.payload.create({
        collection: 'nominees',
        context: { [PRESERVE_CONTENT_MANAGED]: true },
        data: { acceptance: nominee.acceptance, election: electionId, user: user.id } as never,
        ...ID_ONLY,
        overrideAccess: true,
        req: await step.req(null, { [PRESERVE_CONTENT_MANAGED]: true }),
      })
      return String(doc.id)
    },
    find: () => step.findId('nominees', { and: [{ election: { equals: electionId } }, { user: { equals: user.id } }] }),
  })
  for (const nomination of nominee.nominations) {
    const nominator = step.actor(nomination.nominator)
    await step.ensure('nominations', `${electionSlug}/${nominee.user}/by/${nomination.nominator}`, {
      create: async () => {
        // overrideAccess: the system carries the nomination with its nominator, as it was made
        const doc = await step.payload.create({
          collection: 'nominations',
          context: { [PRESERVE_CONTENT_MANAGED]: true },
          data: {
            election: electionId,
            employer: nomination.employer,
            nominator: nominator.id,
            nominee: nomineeId,
            nomineeUser: user.id,
            statement: nomination.statement,
          } as never,
          overrideAccess: true,
          req: await step.req(null, { [PRESERVE_CONTENT_MANAGED]: true }),
        })
        return String(doc.id)
      },
    })
  }
}

export const ELECTIONS_STEP_SIZE = ELECTIONS.length

/** An election in each status (relative to the clock), with nominees and nominations. */
export const seedElections = (run: SeedRun) =>
  runStep(run, 'elections', ELECTIONS_STEP_SIZE, async (step) => {
    for (const election of ELECTIONS) {
      const dates = electionDates(step.now, election.days)
      const name = election.name(new Date(dates.votingOpen).getUTCFullYear())
      const slug = slugify(name)
      const { id } = await step.ensure('elections', slug, {
        create: async () => {
          // overrideAccess: staff's election, written by the system; its status follows from the dates
          const doc = await step.payload.create({
            collection: 'elections',
            data: { ...dates, contentType: 'MARKDOWN', description: election.description, name, slug },
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(step.actor('tomas')),
          })
          return String(doc.id)
        },
        find: () => step.findId('elections', { slug: { equals: slug } }),
      })
      for (const nominee of election.nominees) {
        if (election.status === 'NOMINATIONS_OPEN') await nominateOpenly(step, slug, id, nominee)
        else await carryNominees(step, slug, id, nominee)
      }
      step.tick()
    }
  })
