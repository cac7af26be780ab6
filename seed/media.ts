import crypto from 'node:crypto'

import PDFDocument from 'pdfkit'
import sharp from 'sharp'

/** A colour of its own for every name, the same every run. */
const colourOf = (name: string, offset = 0) => {
  const hash = crypto.createHash('sha256').update(name).digest()
  const hue = (hash[offset]! * 360) / 256
  return `hsl(${hue.toFixed(0)}, 55%, ${45 + (hash[offset + 1]! % 20)}%)`
}

/**
 * A PNG drawn here, offline: two interlocking rounded shapes in colours
 * derived from `name` (a logo, a photo placeholder). No text, so no fonts
 * are needed wherever the seed runs.
 */
export const pngImage = async (name: string, width: number, height: number): Promise<Buffer> => {
  const unit = Math.min(width, height) / 10
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${colourOf(name, 0)}"/>
    <rect x="${width / 2 - 3.5 * unit}" y="${height / 2 - 3.5 * unit}" width="${4 * unit}" height="${4 * unit}" rx="${unit}" fill="${colourOf(name, 2)}"/>
    <rect x="${width / 2 - 0.5 * unit}" y="${height / 2 - 0.5 * unit}" width="${4 * unit}" height="${4 * unit}" rx="${unit}" fill="${colourOf(name, 4)}"/>
    <circle cx="${width / 2 - 2.3 * unit}" cy="${height / 2 - 2.3 * unit}" r="${0.45 * unit}" fill="#ffffff"/>
    <circle cx="${width / 2 + 2.3 * unit}" cy="${height / 2 + 2.3 * unit}" r="${0.45 * unit}" fill="#ffffff"/>
  </svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** A short PDF (pdfkit): a title and paragraphs. */
export const pdfDocument = (title: string, paragraphs: string[]): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({ info: { Author: 'Python Software Foundation', Title: title }, size: 'LETTER' })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.font('Helvetica-Bold').fontSize(18).text(title).moveDown()
    doc.font('Helvetica').fontSize(11)
    for (const paragraph of paragraphs) doc.text(paragraph).moveDown(0.6)
    doc.end()
  })

/** An upload for the Local API's `file` option. */
export const uploadFile = (data: Buffer, name: string, mimetype: string) => ({
  data,
  mimetype,
  name,
  size: data.length,
})
