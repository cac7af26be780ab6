/**
 * Sending a contract renders it as a PDF and stores it as an upload on the
 * contract. An independent reader (pdf.js) finds in it the sponsor's name
 * and address, the level, the fee, the period, every benefit, every legal
 * clause, the revision and the date. Staff and the applicant may read and
 * download it; nobody else, through any read path.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { type Actors, makeActors } from '../helpers/actors'
import { type Auth, startTestPayload, type TestContext } from '../helpers/harness'
import { pdfText } from '../helpers/pdf'
import {
  act,
  applied,
  contractRowOf,
  createSponsor,
  dayOf,
  fixClock,
  json,
  type Json,
  PERIOD,
  query,
  releaseClock,
  seedClause,
  seedLevel,
  TODAY,
  update,
} from './fixtures'

let t: TestContext
let actors: Actors
let dataDir: string

const CLAUSES = [
  'The Sponsor grants the PSF a non-exclusive licence to display its name and logo for the term of this agreement.',
  'Payment is due within thirty (30) days of the Effective Date; the PSF does not offer refunds.',
  'Neither Party shall be liable for consequential, incidental, or punitive damages arising from this Agreement.',
]

let level: Json

beforeAll(async () => {
  fixClock()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-sponsor-contracts-'))
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  actors = await makeActors(t)
  const clauses = []
  for (const [index, clause] of CLAUSES.entries()) clauses.push(await seedClause(t, { clause, order: index }))
  level = await seedLevel(t, {
    benefits:
      'Foundation - Logo on python.org\nPyCon US 2031 - Booth space in Exhibit Hall (2)\nPyPI - Logo on the PyPI sponsors page',
    legalClauses: clauses.map((clause) => clause.id),
    name: 'Visionary',
    sponsorshipAmount: 150000,
    year: 2031,
  })
})
afterAll(async () => {
  releaseClock()
  await t?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

/** A contract sent for signature, for a sponsor of `actors.owner`. */
const sentContract = async (sponsorOverrides: Json = {}) => {
  const sponsor = await createSponsor(t, actors.owner, sponsorOverrides)
  const sponsorship = await applied(t, actors.owner, String(sponsor.id), String(level.id))
  await act(t, actors.staff, 'sponsorships', String(sponsorship.id), 'approve', PERIOD)
  const draft = (await contractRowOf(t, String(sponsorship.id)))!
  return { draft, sponsor, sponsorship }
}

const download = async (auth: Auth, filename: string) =>
  t.api('GET', `sponsor-contract-documents/file/${filename}`, { auth })

const documentOf = async (contractId: string) =>
  // overrideAccess: the test reads what the system stored
  (
    await t.payload.find({
      collection: 'sponsor-contract-documents',
      depth: 0,
      overrideAccess: true,
      sort: '-createdAt',
      where: { contract: { equals: contractId } },
    })
  ).docs as Json[]

describe('sending renders the contract', () => {
  it('as a PDF stored on the contract, in which an independent reader finds everything the contract states', async () => {
    const { draft, sponsorship } = await sentContract({
      city: 'Zürich',
      country: 'CH',
      mailingAddressLine1: 'Bahnhofstrasse 1',
      name: 'Zürich Snakes AG',
      postalCode: '8001',
      state: '',
    })
    // a revised draft: the PDF states the revision it was sent at
    expect(
      (
        await update(t, 'rest', actors.staff, 'sponsor-contracts', String(draft.id), {
          sponsorInfo: 'Zürich Snakes AG, a Swiss maker of Python tooling.',
        })
      ).status,
    ).toBe(200)
    const sent = await act(t, actors.staff, 'sponsor-contracts', String(draft.id), 'send')
    expect(sent.status).toBe('AWAITING_SIGNATURE')
    expect(dayOf(sent.sentOn)).toBe(TODAY)

    const [document] = await documentOf(String(draft.id))
    expect(document).toMatchObject({
      contract: draft.id,
      mimeType: 'application/pdf',
      revision: 1,
      sponsor: draft.sponsor_id,
    })
    expect(document!.filename).toMatch(/^contract-zurich-snakes-ag-r1-[0-9a-f]{16}\.pdf$/)
    expect((await contractRowOf(t, String(sponsorship.id)))!.document_id).toBe(document!.id)

    const response = await download(actors.staff, document!.filename)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/application\/pdf/)
    const bytes = Buffer.from(await response.arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')

    const text = await pdfText(bytes)
    for (const expected of [
      'SPONSORSHIP AGREEMENT',
      'Zürich Snakes AG',
      'Bahnhofstrasse 1',
      'Zürich, 8001',
      'Visionary (2031)',
      'USD $150,000',
      `${PERIOD.startDate} to ${PERIOD.endDate}`,
      'Foundation - Logo on python.org',
      'PyCon US 2031 - Booth space in Exhibit Hall (2)',
      'PyPI - Logo on the PyPI sponsors page',
      ...CLAUSES,
      'Revision 1',
      `issued ${TODAY}`,
    ]) {
      expect({ expected, found: text.includes(expected) }).toEqual({ expected, found: true })
    }
  })

  it('a nullified contract sent again is a new document at its new revision; the first stays', async () => {
    const { draft } = await sentContract()
    const id = String(draft.id)
    await act(t, actors.staff, 'sponsor-contracts', id, 'send')
    await act(t, actors.staff, 'sponsor-contracts', id, 'nullify')
    await act(t, actors.staff, 'sponsor-contracts', id, 'redraft')
    await act(t, actors.staff, 'sponsor-contracts', id, 'send')
    const documents = await documentOf(id)
    expect(documents.map((doc) => doc.revision)).toEqual([1, 0])
    const text = await pdfText(Buffer.from(await (await download(actors.owner, documents[0]!.filename)).arrayBuffer()))
    expect(text).toContain('Revision 1')
  })

  it('executing a DRAFT (signed on paper) renders nothing', async () => {
    const { draft } = await sentContract()
    await act(t, actors.staff, 'sponsor-contracts', String(draft.id), 'execute')
    expect(await documentOf(String(draft.id))).toEqual([])
  })
})

describe('who may see contracts and their documents', () => {
  /** 403 and 404 both refuse without saying more. */
  const outcome = (response: Response) => ([403, 404].includes(response.status) ? 'denied' : response.status)

  const visibility = async (auth: Auth, contract: string, document: Json) => {
    const gql = await t.graphql(
      `{ SponsorContracts { docs { id } } SponsorContractDocuments { docs { id } } countSponsorContractDocuments { totalDocs } }`,
      { auth },
    )
    const byFilename = await json(
      await t.api('GET', `sponsor-contract-documents?where[filename][equals]=${document.filename}`, { auth }),
    )
    return {
      contractById: outcome(await t.api('GET', `sponsor-contracts/${contract}`, { auth })),
      contractListed: ((await json(await t.api('GET', 'sponsor-contracts?limit=100', { auth }))).docs ?? []).some(
        (doc: Json) => doc.id === contract,
      ),
      documentById: outcome(await t.api('GET', `sponsor-contract-documents/${document.id}`, { auth })),
      documentCount: (await json(await t.api('GET', 'sponsor-contract-documents/count', { auth }))).totalDocs ?? 0,
      documentFile: outcome(await download(auth, document.filename)),
      documentFound: (byFilename.docs ?? []).length,
      gqlContract: (gql.data?.SponsorContracts?.docs ?? []).some((doc: Json) => doc.id === contract),
      gqlDocument: (gql.data?.SponsorContractDocuments?.docs ?? []).some((doc: Json) => doc.id === document.id),
      gqlDocumentCount: gql.data?.countSponsorContractDocuments?.totalDocs ?? 0,
    }
  }

  it('staff and the applicant see the contract and download its PDF; another member and anonymous see nothing', async () => {
    // a database of its own would make counts exact: here, count what this sponsor's contract adds
    const { draft } = await sentContract()
    await act(t, actors.staff, 'sponsor-contracts', String(draft.id), 'send')
    const [document] = await documentOf(String(draft.id))

    const hidden = {
      contractById: 'denied',
      contractListed: false,
      documentById: 'denied',
      documentCount: 0,
      documentFile: 'denied',
      documentFound: 0,
      gqlContract: false,
      gqlDocument: false,
      gqlDocumentCount: 0,
    }
    expect(await visibility(undefined, String(draft.id), document!)).toEqual(hidden)
    expect(await visibility(actors.member, String(draft.id), document!)).toEqual(hidden)

    const total = Number((await query(t, 'SELECT count(*)::int AS n FROM sponsor_contract_documents')).rows[0].n)
    const applicantTotal = Number(
      (
        await query(
          t,
          'SELECT count(*)::int AS n FROM sponsor_contract_documents d JOIN sponsors s ON s.id = d.sponsor_id WHERE s.creator_id = $1',
          [actors.owner.id],
        )
      ).rows[0].n,
    )
    for (const [auth, count] of [
      [actors.owner, applicantTotal],
      [actors.staff, total],
      [actors.superuser, total],
    ] as const) {
      expect(await visibility(auth, String(draft.id), document!)).toEqual({
        contractById: 200,
        contractListed: true,
        documentById: 200,
        documentCount: count,
        documentFile: 200,
        documentFound: 1,
        gqlContract: true,
        gqlDocument: true,
        gqlDocumentCount: count,
      })
    }
  })

  it('nobody writes or deletes contract documents through the API, staff included', async () => {
    const { draft } = await sentContract()
    await act(t, actors.staff, 'sponsor-contracts', String(draft.id), 'send')
    const [document] = await documentOf(String(draft.id))
    expect(
      (
        await t.api('PATCH', `sponsor-contract-documents/${document!.id}`, {
          auth: actors.superuser,
          body: { revision: 7 },
        })
      ).status,
    ).toBe(403)
    expect(
      (await t.api('DELETE', `sponsor-contract-documents/${document!.id}`, { auth: actors.superuser })).status,
    ).toBe(403)
    expect((await documentOf(String(draft.id)))[0]).toMatchObject({ id: document!.id, revision: document!.revision })
  })
})
