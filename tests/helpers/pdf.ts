/**
 * The text of a PDF as an independent reader sees it (Mozilla's pdf.js, not
 * the library that wrote it): each page's text runs joined with spaces, so a
 * sentence wrapped over several lines reads as one.
 */
export const pdfText = async (data: Buffer | Uint8Array): Promise<string> => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const document = await pdfjs.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    useSystemFonts: false,
  }).promise
  try {
    const pages: string[] = []
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent()
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
    }
    return pages.join('\n').replace(/\s+/g, ' ')
  } finally {
    await document.destroy()
  }
}
