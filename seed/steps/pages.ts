import { ID_ONLY, runStep, type SeedRun } from '../context'
import { PAGE_ATTACHMENTS, PAGES } from '../data/pages'
import { pdfDocument, pngImage, uploadFile } from '../media'

export const PAGES_STEP_SIZE = PAGES.length + PAGE_ATTACHMENTS.length

/** Pages in every content type, as a hierarchy of paths, with images and documents. */
export const seedPages = (run: SeedRun) =>
  runStep(run, 'pages', PAGES_STEP_SIZE, async (step) => {
    const editor = step.actor('maya')
    const ids = new Map<string, string>()
    // parents first: a path's parent is its path minus the last segment
    const ordered = [...PAGES].sort((a, b) => a.path.split('/').length - b.path.split('/').length)
    for (const page of ordered) {
      const { id } = await step.ensure('pages', page.path, {
        create: async () => {
          // overrideAccess: staff's content, written by the system; the hooks render and sanitize the markup
          // and hand out the legacy id
          const doc = await step.payload.create({
            collection: 'pages',
            data: { ...page },
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(editor),
          })
          return String(doc.id)
        },
        find: () => step.findId('pages', { path: { equals: page.path } }),
      })
      ids.set(page.path, id)
      step.tick()
    }

    for (const attachment of PAGE_ATTACHMENTS) {
      const collection = attachment.kind === 'image' ? 'page-images' : 'page-documents'
      await step.ensure(collection, `${attachment.page}/${attachment.filename}`, {
        create: async () => {
          const file =
            attachment.kind === 'image'
              ? uploadFile(await pngImage(attachment.filename, 1200, 800), attachment.filename, 'image/png')
              : uploadFile(
                  await pdfDocument(attachment.text, [
                    `${attachment.text}.`,
                    'A document of the demo site, written by `npm run seed`.',
                  ]),
                  attachment.filename,
                  'application/pdf',
                )
          // overrideAccess: staff's uploads, made by the system (the image sizes are rendered on upload)
          const doc = await step.payload.create({
            collection,
            data:
              attachment.kind === 'image'
                ? { alt: attachment.text, caption: attachment.text, page: ids.get(attachment.page)! }
                : { page: ids.get(attachment.page)!, title: attachment.text },
            file,
            overrideAccess: true,
            req: await step.req(editor),
          })
          return String(doc.id)
        },
      })
      step.tick()
    }
  })
