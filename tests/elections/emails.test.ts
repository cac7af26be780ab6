/**
 * The nomination email end to end through the one sending path: the seeded
 * template, the email-logs row, the sendEmail task, SMTP. A member nominated
 * by someone else gets one email with the link to accept (on SITE_URL); a
 * self-nomination and a refused nomination send nothing.
 */
import { seedEssentials } from '../../seed/seed'
import { setNow } from '../../src/platform/clock'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { type SmtpSink, startSmtpSink } from '../helpers/smtpSink'
import { at, createElection, dates, type Json, nominate, query } from './fixtures'

const SITE = 'https://www.example.org'
let t: TestContext
let sink: SmtpSink
let staff: TestUser
let nominator: TestUser
let election: Json

beforeAll(async () => {
  sink = await startSmtpSink()
  t = await startTestPayload({ ...sink.env, SITE_URL: SITE })
  // the seed's superuser is the first account; the seed also creates the templates
  await seedEssentials(t.payload, () => undefined)
  staff = await t.makeUser('staff')
  nominator = await t.makeUser('member', { firstName: 'Guido', lastName: 'van Rossum' })
  setNow(at('2036-05-08'))
  election = await createElection(t, staff, dates('2036-05-01', '2036-05-15', '2036-06-01', '2036-06-10'), {
    name: '2036 PSF Board Election',
  })
})
beforeEach(() => {
  sink.clear()
  setNow(at('2036-05-08'))
})
afterAll(async () => {
  setNow(null)
  await t?.close()
  await sink?.close()
})

describe('the nomination email', () => {
  it('reaches the nominated user with who nominated them, for which election, and the link to accept', async () => {
    const nominated = await t.makeUser('member', { firstName: 'Barry', lastName: 'Warsaw' })
    const nomination = await nominate(t, nominator, election, nominated)
    await t.payload.jobs.run()
    const messages = sink.messages.filter((message) => message.rcptTo.includes(nominated.email))
    expect(messages).toHaveLength(1)
    const [message] = messages
    const link = `${SITE}/nominations/${election.slug}/nominees/${nomination.nominee.id}/accept/`
    expect(message!.subject).toBe('You have been nominated: 2036 PSF Board Election')
    expect(message!.text).toContain('Hello Barry Warsaw,')
    expect(message!.text).toContain('Guido van Rossum nominated you in the 2036 PSF Board Election.')
    expect(message!.text).toContain(link)
    expect(message!.html).toContain(`href="${link}"`)
    const [log] = (await query(t, `SELECT * FROM email_logs WHERE context->>'nominationId' = $1`, [nomination.id])).rows
    expect(log).toMatchObject({
      recipient_email: nominated.email,
      status: 'SENT',
      subject: message!.subject,
      template_name: 'elections.nominated',
    })
  })

  it('is not sent for a self-nomination, nor for a nomination refused outside the window', async () => {
    const self = await t.makeUser('member')
    await nominate(t, self, election, self)
    setNow(at('2036-05-15'))
    const late = await t.makeUser('member')
    const refused = await t.api('POST', 'nominations', {
      auth: nominator,
      body: { election: election.id, nomineeUser: late.id, statement: 'Too late.' },
    })
    expect(refused.status).toBe(409)
    await t.payload.jobs.run()
    expect(
      sink.messages.filter((message) => message.rcptTo.includes(self.email) || message.rcptTo.includes(late.email)),
    ).toHaveLength(0)
    const logs = await query(t, `SELECT * FROM email_logs WHERE recipient_email = ANY($1)`, [[self.email, late.email]])
    expect(logs.rows).toHaveLength(0)
  })
})
