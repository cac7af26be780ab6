/**
 * The sponsorship emails, end to end through the one mailing path (seeded
 * templates -> email-logs -> sendEmail task -> SMTP sink): the team hears of
 * a new application; the applicant of its approval, its rejection, and the
 * contract sent for signature, which arrives with the PDF attached. Refused
 * changes send nothing.
 */
import { seedEssentials } from '../../seed/seed'
import { type Actors } from '../helpers/actors'
import { type TestContext } from '../helpers/harness'
import { pdfText } from '../helpers/pdf'
import { type SinkMessage, type SmtpSink, startSmtpSink } from '../helpers/smtpSink'
import {
  act,
  applied,
  contractRowOf,
  createSponsor,
  fixClock,
  type Json,
  PERIOD,
  query,
  releaseClock,
  seedLevel,
  update,
  startSponsorsPayload,
} from './fixtures'

const TEAM = 'psf-sponsors@example.org'

let t: TestContext
let sink: SmtpSink
let actors: Omit<Actors, 'superuser'>
let level: Json

beforeAll(async () => {
  fixClock()
  sink = await startSmtpSink()
  t = await startSponsorsPayload({ ...sink.env, SPONSORS_TEAM_EMAIL: TEAM })
  // the seed's superuser is the database's first account; the seed also writes the templates
  await seedEssentials(t.payload, () => undefined)
  const [staff, owner, member] = await Promise.all([t.makeUser('staff'), t.makeUser('member'), t.makeUser('member')])
  actors = { anonymous: undefined, member, owner, staff }
  level = await seedLevel(t, { name: 'Contributing', sponsorshipAmount: 30000 })
})
afterAll(async () => {
  releaseClock()
  await t?.close()
  await sink?.close()
})
beforeEach(() => sink.clear())
afterEach(async () => {
  await t.payload.jobs.cancel({ where: { taskSlug: { equals: 'sendEmail' } } })
})

/** Sends what is queued; returns the messages about `sponsorName`. */
const deliver = async (sponsorName: string): Promise<SinkMessage[]> => {
  await t.payload.jobs.run()
  return sink.messages.filter(
    (message) => message.subject.includes(sponsorName) || (message.text ?? '').includes(sponsorName),
  )
}

const application = async () => {
  const sponsor = await createSponsor(t, actors.owner)
  const sponsorship = await applied(t, actors.owner, String(sponsor.id), String(level.id))
  return { sponsor, sponsorship }
}

describe('sponsorship emails', () => {
  it('a new application: the sponsorship team gets one email with the sponsor, level, fee and a link to review it', async () => {
    const { sponsor, sponsorship } = await application()
    const messages = await deliver(String(sponsor.name))
    expect(messages).toHaveLength(1)
    const [message] = messages
    expect(message!.rcptTo).toEqual([TEAM])
    expect(message!.subject).toBe(`New sponsorship application from ${sponsor.name}`)
    expect(message!.text).toContain('Level: Contributing')
    expect(message!.text).toContain('Fee: USD $30,000')
    expect(message!.text).toContain(`/admin/collections/sponsorships/${sponsorship.id}`)
  })

  it('approval: the applicant is told, with the agreed level, fee and term', async () => {
    const { sponsor, sponsorship } = await application()
    await deliver(String(sponsor.name))
    sink.clear()
    await act(t, actors.staff, 'sponsorships', String(sponsorship.id), 'approve', { ...PERIOD, sponsorshipFee: 25000 })
    const messages = await deliver(String(sponsor.name))
    expect(messages.map((message) => message.rcptTo)).toEqual([[actors.owner.email]])
    expect(messages[0]!.subject).toBe(`Your sponsorship application was approved (${sponsor.name})`)
    expect(messages[0]!.text).toContain('Fee: USD $25,000')
    expect(messages[0]!.text).toContain(`Term: ${PERIOD.startDate} to ${PERIOD.endDate}`)
  })

  it('rejection: the applicant is told', async () => {
    const { sponsor, sponsorship } = await application()
    await deliver(String(sponsor.name))
    sink.clear()
    const outcome = await update(t, 'rest', actors.staff, 'sponsorships', String(sponsorship.id), {
      status: 'REJECTED',
    })
    expect(outcome.status).toBe(200)
    const messages = await deliver(String(sponsor.name))
    expect(messages.map((message) => [message.rcptTo, message.subject])).toEqual([
      [[actors.owner.email], `Your sponsorship application (${sponsor.name})`],
    ])
    expect(messages[0]!.text).toContain('unable to accept your application for the Contributing level')
  })

  it('a contract sent for signature reaches the applicant with the stored PDF attached', async () => {
    const { sponsor, sponsorship } = await application()
    await act(t, actors.staff, 'sponsorships', String(sponsorship.id), 'approve', PERIOD)
    await deliver(String(sponsor.name))
    sink.clear()
    const contract = (await contractRowOf(t, String(sponsorship.id)))!
    await act(t, actors.staff, 'sponsor-contracts', String(contract.id), 'send')

    const messages = await deliver(String(sponsor.name))
    expect(messages).toHaveLength(1)
    const [message] = messages
    expect(message!.rcptTo).toEqual([actors.owner.email])
    expect(message!.subject).toBe(`Sponsorship agreement for ${sponsor.name}`)
    expect(message!.text).toContain('revision 0')
    expect(message!.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([
      ['Contract.pdf', 'application/pdf'],
    ])

    // the very document stored on the contract
    const documentId = (await contractRowOf(t, String(sponsorship.id)))!.document_id
    const stored = await t.api('GET', `sponsor-contract-documents/${documentId}`, { auth: actors.staff })
    const { filename } = (await stored.json()) as { filename: string }
    const file = Buffer.from(
      await (await t.api('GET', `sponsor-contract-documents/file/${filename}`, { auth: actors.staff })).arrayBuffer(),
    )
    expect(message!.attachments[0]!.content.equals(file)).toBe(true)
    const text = await pdfText(message!.attachments[0]!.content)
    expect(text).toContain(String(sponsor.name))
    expect(text).toContain('USD $30,000')

    // the log refers to the document; it does not carry it
    const [log] = (
      await query(
        t,
        `SELECT attachments, status FROM email_logs WHERE template_name = 'sponsors.contract_sent' AND context->>'sponsorshipId' = $1`,
        [sponsorship.id],
      )
    ).rows
    expect(log).toEqual({
      attachments: [{ collection: 'sponsor-contract-documents', filename: 'Contract.pdf', id: documentId }],
      status: 'SENT',
    })
  })

  it('refused changes send nothing: a member approving, staff approving twice, a second application', async () => {
    const { sponsor, sponsorship } = await application()
    await deliver(String(sponsor.name))
    sink.clear()
    expect(
      (await update(t, 'rest', actors.owner, 'sponsorships', String(sponsorship.id), { status: 'APPROVED', ...PERIOD }))
        .status,
    ).toBe(403)
    expect(
      (await t.api('POST', 'sponsorships', { auth: actors.owner, body: { level: level.id, sponsor: sponsor.id } }))
        .status,
    ).toBe(409)
    await act(t, actors.staff, 'sponsorships', String(sponsorship.id), 'approve', PERIOD)
    expect(
      (await t.api('POST', `sponsorships/${sponsorship.id}/approve`, { auth: actors.staff, body: PERIOD })).status,
    ).toBe(409)
    const messages = await deliver(String(sponsor.name))
    expect(messages.map((message) => message.subject)).toEqual([
      `Your sponsorship application was approved (${sponsor.name})`,
    ])
  })
})
