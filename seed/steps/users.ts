import crypto from 'node:crypto'

import { slugify } from '../../fields/slugify'
import type { User } from '../../payload-types'
import { ID_ONLY, runStep, type SeedRun, type Step } from '../context'
import { DEMO_MEMBERSHIPS, DEMO_USER_GROUPS, DEMO_USERS, type Role } from '../data/people'

export type SuperuserResult = { createdSuperuser: boolean; generatedPassword?: string; username: string }

const loadUser = async (step: Step, id: string): Promise<User> =>
  // overrideAccess: the seed reads its actors back, whole (roles included)
  (await step.payload.findByID({
    collection: 'users',
    depth: 0,
    id,
    overrideAccess: true,
    req: await step.req(),
  })) as User

/**
 * The first superuser. Credentials come from SEED_ADMIN_USERNAME,
 * SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD; without a password one is
 * generated and printed this once (it is stored only as a hash).
 */
const seedSuperuser = async (step: Step): Promise<SuperuserResult> => {
  const username = (process.env.SEED_ADMIN_USERNAME ?? 'admin').toLowerCase()
  const email = (process.env.SEED_ADMIN_EMAIL ?? 'admin@example.org').toLowerCase()
  let generatedPassword: string | undefined
  const { created, id } = await step.ensure('users', username, {
    create: async () => {
      generatedPassword = process.env.SEED_ADMIN_PASSWORD ? undefined : crypto.randomBytes(12).toString('base64url')
      // overrideAccess: the seed is the system creating its first account
      const doc = await step.payload.create({
        collection: 'users',
        data: {
          email,
          emailPrivacy: 'NEVER',
          emailVerified: true,
          firstName: 'Site',
          isActive: true,
          isStaff: true,
          isSuperuser: true,
          lastName: 'Administrator',
          password: process.env.SEED_ADMIN_PASSWORD ?? generatedPassword!,
          searchVisibility: 'PRIVATE',
          username,
        },
        ...ID_ONLY,
        overrideAccess: true,
        req: await step.req(),
      })
      return String(doc.id)
    },
    find: () => step.findId('users', { or: [{ username: { equals: username } }, { email: { equals: email } }] }),
  })
  step.actors.set(username, await loadUser(step, id))
  step.actors.set('@superuser', step.actors.get(username)!)
  if (created) {
    step.log(`created superuser "${username}" <${email}>`)
    if (generatedPassword) step.log(`  password (shown once, change it after logging in): ${generatedPassword}`)
  } else {
    step.log(`superuser "${username}" already exists: left as it is`)
  }
  step.tick()
  return { createdSuperuser: created, generatedPassword, username }
}

const ROLE_FLAGS: Record<Role, { isActive: boolean; isStaff: boolean; isSuperuser: boolean }> = {
  inactive: { isActive: false, isStaff: false, isSuperuser: false },
  member: { isActive: true, isStaff: false, isSuperuser: false },
  staff: { isActive: true, isStaff: true, isSuperuser: false },
  superuser: { isActive: true, isStaff: true, isSuperuser: true },
}

/**
 * Demo accounts get SEED_DEMO_PASSWORD when it is set (to log in as a
 * member or staff on a demo site), otherwise a random password nobody
 * knows (an administrator resets one when needed).
 */
const demoPassword = () => process.env.SEED_DEMO_PASSWORD || crypto.randomBytes(18).toString('base64url')

const seedDemoUsers = async (step: Step) => {
  for (const person of DEMO_USERS) {
    const { id } = await step.ensure('users', person.username, {
      create: async () => {
        // overrideAccess: the system creates accounts with their roles, which no sign-up may set
        const doc = await step.payload.create({
          collection: 'users',
          data: {
            bio: person.bio,
            email: person.email,
            emailPrivacy: 'PRIVATE',
            emailVerified: person.role !== 'inactive',
            firstName: person.firstName,
            lastName: person.lastName,
            password: demoPassword(),
            searchVisibility: person.searchVisibility ?? 'PUBLIC',
            username: person.username,
            ...ROLE_FLAGS[person.role],
          },
          ...ID_ONLY,
          overrideAccess: true,
          req: await step.req(),
        })
        return String(doc.id)
      },
      find: () =>
        step.findId('users', {
          or: [{ username: { equals: person.username } }, { email: { equals: person.email } }],
        }),
    })
    step.actors.set(person.username, await loadUser(step, id))
    step.tick()
  }
}

const seedMemberships = async (step: Step) => {
  const staff = step.actor('tomas')
  for (const membership of DEMO_MEMBERSHIPS) {
    const member = step.actor(membership.username)
    await step.ensure('memberships', membership.username, {
      create: async () => {
        // overrideAccess: staff record the membership the PSF granted (levels above BASIC are not chosen);
        // the hooks stamp the vote affirmation of voting members with today
        const doc = await step.payload.create({
          collection: 'memberships',
          data: {
            city: membership.city,
            country: membership.country,
            emailAddress: member.email,
            legalName: membership.legalName,
            membershipType: membership.membershipType,
            preferredName: member.firstName ?? undefined,
            psfAnnouncements: membership.votes,
            psfCodeOfConduct: true,
            user: member.id,
            votes: membership.votes,
          },
          ...ID_ONLY,
          overrideAccess: true,
          req: await step.req(staff),
        })
        return String(doc.id)
      },
      find: () => step.findId('memberships', { user: { equals: member.id } }),
    })
    step.tick()
  }
}

const seedUserGroups = async (step: Step) => {
  const staff = step.actor('maya')
  for (const group of DEMO_USER_GROUPS) {
    await step.ensure('user-groups', group.name, {
      create: async () => {
        // overrideAccess: a member lists the group (stamped as its creator); approval is staff's, below
        const doc = await step.payload.create({
          collection: 'user-groups',
          data: {
            location: group.location,
            name: group.name,
            slug: slugify(group.name),
            startDate: `${group.startDate}T00:00:00.000Z`,
            url: group.url,
            userGroupType: group.type,
          },
          ...ID_ONLY,
          overrideAccess: true,
          req: await step.req(step.actor(group.creator)),
        })
        if (group.approved || group.trusted) {
          // overrideAccess: staff approve (and trust) the group
          await step.payload.update({
            collection: 'user-groups',
            data: { approved: group.approved, trusted: group.trusted },
            id: doc.id,
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(staff),
          })
        }
        return String(doc.id)
      },
      find: () => step.findId('user-groups', { name: { equals: group.name } }),
    })
    step.tick()
  }
}

export const USERS_STEP_SIZE = 1 + DEMO_USERS.length + DEMO_MEMBERSHIPS.length + DEMO_USER_GROUPS.length

/** Users in every role, their memberships and user groups. */
export const seedUsers = (run: SeedRun): Promise<SuperuserResult> =>
  runStep(run, 'users', USERS_STEP_SIZE, async (step) => {
    const superuser = await seedSuperuser(step)
    await seedDemoUsers(step)
    await seedMemberships(step)
    await seedUserGroups(step)
    return superuser
  })

/** Only the first superuser (seedEssentials). */
export const seedSuperuserOnly = (run: SeedRun): Promise<SuperuserResult> =>
  runStep(run, 'superuser', 1, (step) => seedSuperuser(step))
