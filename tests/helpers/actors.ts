/**
 * The one set of actors every test file uses: anonymous, a member, the owner
 * of whatever the test creates, staff and a superuser. Create them once per
 * file (beforeAll); ask for more members with `t.makeUser('member')`.
 */
import type { TestContext, TestUser } from './harness'

export type Actors = {
  anonymous: undefined
  /** a member who owns nothing the test creates */
  member: TestUser
  /** the member who creates (and so owns) the test's documents */
  owner: TestUser
  staff: TestUser
  superuser: TestUser
}

export type ActorName = keyof Actors

export const ACTOR_NAMES: ActorName[] = ['anonymous', 'member', 'owner', 'staff', 'superuser']

export const makeActors = async (t: TestContext): Promise<Actors> => {
  // the first account of a database becomes a superuser: create the real one first
  const superuser = await t.makeUser('superuser')
  const [staff, owner, member] = await Promise.all([t.makeUser('staff'), t.makeUser('member'), t.makeUser('member')])
  return { anonymous: undefined, member, owner, staff, superuser }
}
