/**
 * EmailTemplate through the APIs: unique internalName, the templateType
 * enum, syntax errors refused with field and line, and staff-only access in
 * every direction (REST, GraphQL, Local API).
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { countTemplates, createTemplate, fieldErrors, templateData, userDoc } from './fixtures'

let t: TestContext
let sink: SmtpSink
let member: TestUser
let staff: TestUser
let superuser: TestUser

beforeAll(async () => {
  // nothing here should send mail; if something did, it lands in the sink, not in .data/mail
  sink = await startSmtpSink()
  t = await startTestPayload(sink.env)
  // one after the other, superuser first: the very first account of a database becomes a superuser
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
  await sink?.close()
})

const post = (body: unknown, auth?: TestUser) => t.api('POST', '/email-templates', { auth, body })

describe('email-templates: validation', () => {
  it('saves a valid Jinja2-style template and reads it back unchanged', async () => {
    const data = templateData({
      contentHtml: '<h1>{{ title }}</h1>\n{% for e in events %}<li>{{ e.name }}</li>{% endfor %}',
      contentText: [
        'Hello {{ user.name | default("member") | title }},',
        '{% if events %}Upcoming:',
        '{% for e in events %}- {{ loop.index }}. {{ e.name }} ({{ e.date }})',
        '{% endfor %}{% else %}Nothing planned.{% endif %}',
        '{# a comment #}{% set sig = "The PSF" %}-- {{ sig }}',
      ].join('\n'),
      subject: '{{ count }} new event{% if count != 1 %}s{% endif %}',
      templateType: 'NEWSLETTER',
    })
    const response = await post(data, staff)
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: Record<string, unknown> }
    expect(doc).toMatchObject({
      contentHtml: data.contentHtml,
      contentText: data.contentText,
      internalName: data.internalName,
      isActive: true,
      subject: data.subject,
      templateType: 'NEWSLETTER',
    })
    expect(await countTemplates(t, data.internalName)).toBe(1)
  })

  it('defaults templateType to TRANSACTIONAL and accepts every listed type', async () => {
    const { templateType: _, ...withoutType } = templateData()
    const response = await post(withoutType, staff)
    expect(response.status).toBe(201)
    expect(((await response.json()) as { doc: { templateType: string } }).doc.templateType).toBe('TRANSACTIONAL')
    for (const templateType of ['NOTIFICATION', 'NEWSLETTER', 'MARKETING', 'SYSTEM']) {
      expect((await post(templateData({ templateType }), staff)).status).toBe(201)
    }
  })

  it('refuses a duplicate internalName with a 400 naming internalName', async () => {
    const first = templateData()
    expect((await post(first, staff)).status).toBe(201)
    const response = await post(templateData({ internalName: first.internalName, subject: 'Other' }), staff)
    expect(response.status).toBe(400)
    const errors = fieldErrors(await response.json())
    expect(errors.map((error) => error.path)).toContain('internalName')
    expect(await countTemplates(t, first.internalName)).toBe(1)
  })

  it('refuses renaming a template onto an existing internalName', async () => {
    const a = await createTemplate(t)
    const b = await createTemplate(t)
    const response = await t.api('PATCH', `/email-templates/${b.id}`, { auth: staff, body: { internalName: a.internalName } })
    expect(response.status).toBe(400)
    expect(fieldErrors(await response.json()).map((error) => error.path)).toContain('internalName')
    const reread = await t.payload.findByID({ collection: 'email-templates', id: b.id, overrideAccess: true })
    expect(reread.internalName).toBe(b.internalName)
  })

  it('refuses an internalName that is not a plain lowercase identifier', async () => {
    const data = templateData({ internalName: 'Bad Name!' })
    const response = await post(data, staff)
    expect(response.status).toBe(400)
    expect(fieldErrors(await response.json()).map((error) => error.path)).toContain('internalName')
    expect(await countTemplates(t, data.internalName)).toBe(0)
  })

  it('refuses a templateType outside the enum', async () => {
    const data = templateData({ templateType: 'SPAM' })
    const response = await post(data, staff)
    expect(response.status).toBe(400)
    expect(fieldErrors(await response.json()).map((error) => error.path)).toContain('templateType')
    expect(await countTemplates(t, data.internalName)).toBe(0)
  })

  it('requires subject and contentText', async () => {
    const data = templateData()
    const response = await post({ ...data, contentText: '', subject: undefined }, staff)
    expect(response.status).toBe(400)
    expect(fieldErrors(await response.json()).map((error) => error.path).sort()).toEqual(['contentText', 'subject'])
    expect(await countTemplates(t, data.internalName)).toBe(0)
  })

  // each broken body has its error on line 3
  const broken = {
    danglingPipe: 'Dear {{ name }},\n\n{{ name | }}\nThanks',
    unclosedIf: 'Dear {{ name }},\n\n{% if x %}yes\nThanks\nThe PSF',
    unclosedVariable: 'Dear {{ name }},\n\nHello {{ name ',
    unknownFilter: 'Dear {{ name }},\n\nHello {{ name | shout }}\nThanks',
  }
  const cases = (['subject', 'contentText', 'contentHtml'] as const).flatMap((field) =>
    Object.entries(broken).map(([kind, source]) => [field, kind, source] as const),
  )

  it.each(cases)('refuses a syntax error in %s (%s) with a 400 naming the field and line 3', async (field, _kind, source) => {
    const data = templateData({ [field]: source })
    const response = await post(data, staff)
    expect(response.status).toBe(400)
    const errors = fieldErrors(await response.json())
    const error = errors.find((candidate) => candidate.path === field)
    expect(error).toBeDefined()
    expect(error!.message).toContain(field)
    expect(error!.message).toMatch(/\bline 3\b/)
    // nothing written
    expect(await countTemplates(t, data.internalName)).toBe(0)
  })

  it('refuses an update that breaks the syntax, and keeps the stored template', async () => {
    const template = await createTemplate(t)
    const response = await t.api('PATCH', `/email-templates/${template.id}`, {
      auth: staff,
      body: { contentHtml: '<p>Hi</p>\n<p>\n{% for x in xs %}{{ x }}</p>' },
    })
    expect(response.status).toBe(400)
    const error = fieldErrors(await response.json()).find((candidate) => candidate.path === 'contentHtml')
    expect(error?.message).toMatch(/contentHtml.*line 3/)
    const reread = await t.payload.findByID({ collection: 'email-templates', id: template.id, overrideAccess: true })
    expect(reread.contentHtml).toBe(template.contentHtml)
    expect(reread.updatedAt).toBe(template.updatedAt)
  })

  it('refuses a syntax error through GraphQL too', async () => {
    const data = templateData({ contentText: 'a\nb\n{{ oops ' })
    const result = await t.graphql(
      `mutation ($data: mutationEmailTemplateInput!) { createEmailTemplate(data: $data) { id } }`,
      { auth: staff, variables: { data } },
    )
    expect(result.data?.createEmailTemplate ?? null).toBeNull()
    expect(JSON.stringify(result.errors)).toMatch(/contentText.*line 3/)
    expect(await countTemplates(t, data.internalName)).toBe(0)
  })
})

describe('email-templates: staff only, in every direction', () => {
  const listQuery = `{ EmailTemplates(limit: 100) { docs { id internalName subject } } }`

  it.each([
    ['anonymous', undefined],
    ['member', 'member'],
  ] as const)('%s cannot create, read, update or delete (REST)', async (_, who) => {
    const auth = who ? member : undefined
    const existing = await createTemplate(t, { subject: 'Secret subject {{ x }}' })

    const data = templateData()
    expect((await post(data, auth)).status).toBe(403)
    expect(await countTemplates(t, data.internalName)).toBe(0)

    const list = await t.api('GET', '/email-templates', { auth })
    expect(list.status).toBe(403)
    expect(await list.text()).not.toContain(existing.internalName)

    const one = await t.api('GET', `/email-templates/${existing.id}`, { auth })
    expect(one.status).toBe(403)
    expect(await one.text()).not.toContain('Secret subject')

    const patch = await t.api('PATCH', `/email-templates/${existing.id}`, { auth, body: { subject: 'Hacked' } })
    expect(patch.status).toBe(403)

    const del = await t.api('DELETE', `/email-templates/${existing.id}`, { auth })
    expect(del.status).toBe(403)

    const reread = await t.payload.findByID({ collection: 'email-templates', id: existing.id, overrideAccess: true })
    expect(reread.subject).toBe('Secret subject {{ x }}')
  })

  it.each([
    ['anonymous', undefined],
    ['member', 'member'],
  ] as const)('%s cannot read or write through GraphQL', async (_, who) => {
    const auth = who ? member : undefined
    const existing = await createTemplate(t)

    const list = await t.graphql(listQuery, { auth })
    expect(list.data?.EmailTemplates ?? null).toBeNull()
    expect(list.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify(list)).not.toContain(existing.internalName)

    const one = await t.graphql(`query ($id: String!) { EmailTemplate(id: $id) { internalName } }`, {
      auth,
      variables: { id: existing.id },
    })
    expect(one.data?.EmailTemplate ?? null).toBeNull()

    const data = templateData()
    const created = await t.graphql(
      `mutation ($data: mutationEmailTemplateInput!) { createEmailTemplate(data: $data) { id } }`,
      { auth, variables: { data } },
    )
    expect(created.data?.createEmailTemplate ?? null).toBeNull()
    expect(created.errors?.length).toBeGreaterThan(0)
    expect(await countTemplates(t, data.internalName)).toBe(0)

    const updated = await t.graphql(
      `mutation ($id: String!) { updateEmailTemplate(id: $id, data: { subject: "Hacked" }) { id } }`,
      { auth, variables: { id: existing.id } },
    )
    expect(updated.data?.updateEmailTemplate ?? null).toBeNull()
    const deleted = await t.graphql(`mutation ($id: String!) { deleteEmailTemplate(id: $id) { id } }`, {
      auth,
      variables: { id: existing.id },
    })
    expect(deleted.data?.deleteEmailTemplate ?? null).toBeNull()
    const reread = await t.payload.findByID({ collection: 'email-templates', id: existing.id, overrideAccess: true })
    expect(reread.subject).toBe(existing.subject)
  })

  it('member cannot create or read through the Local API with overrideAccess: false', async () => {
    const user = await userDoc(t, member)
    const data = templateData()
    await expect(
      t.payload.create({ collection: 'email-templates', data: data as never, overrideAccess: false, user }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(t.payload.find({ collection: 'email-templates', overrideAccess: false, user })).rejects.toMatchObject({
      status: 403,
    })
    expect(await countTemplates(t, data.internalName)).toBe(0)
  })

  it.each([
    ['staff', 'staff'],
    ['superuser', 'superuser'],
  ] as const)('%s can create, read, update and delete (REST)', async (_, who) => {
    const auth = who === 'staff' ? staff : superuser
    const data = templateData()
    const created = await post(data, auth)
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: string } }

    const list = await t.api('GET', `/email-templates?where[internalName][equals]=${data.internalName}`, { auth })
    expect(list.status).toBe(200)
    expect(((await list.json()) as { docs: { id: string }[] }).docs.map((d) => d.id)).toEqual([doc.id])

    const patch = await t.api('PATCH', `/email-templates/${doc.id}`, { auth, body: { isActive: false, subject: 'New {{ x }}' } })
    expect(patch.status).toBe(200)
    const reread = await t.payload.findByID({ collection: 'email-templates', id: doc.id, overrideAccess: true })
    expect(reread).toMatchObject({ isActive: false, subject: 'New {{ x }}' })

    const del = await t.api('DELETE', `/email-templates/${doc.id}`, { auth })
    expect(del.status).toBe(200)
    expect(await countTemplates(t, data.internalName)).toBe(0)
  })

  it('staff can read and write through GraphQL and the Local API', async () => {
    const existing = await createTemplate(t)
    const list = await t.graphql(listQuery, { auth: staff })
    expect(list.errors).toBeUndefined()
    expect(list.data.EmailTemplates.docs.map((d: { internalName: string }) => d.internalName)).toContain(existing.internalName)

    const data = templateData()
    const created = await t.graphql(
      `mutation ($data: mutationEmailTemplateInput!) { createEmailTemplate(data: $data) { id internalName } }`,
      { auth: staff, variables: { data } },
    )
    expect(created.errors).toBeUndefined()
    expect(created.data.createEmailTemplate.internalName).toBe(data.internalName)

    const user = await userDoc(t, staff)
    const local = templateData()
    const doc = await t.payload.create({ collection: 'email-templates', data: local as never, overrideAccess: false, user })
    expect(doc.internalName).toBe(local.internalName)
  })
})
