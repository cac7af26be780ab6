import PDFDocument from 'pdfkit'

import { parseDay } from '../../fields/dateOnly'

export type ContractForPdf = {
  benefitsList?: null | string
  endDate?: null | string
  legalClauses?: null | { clause?: null | string }[]
  levelName?: null | string
  revision?: null | number
  sponsorAddress?: null | string
  sponsorContact?: null | string
  sponsorInfo?: null | string
  sponsorName?: null | string
  sponsorshipFee?: null | number
  startDate?: null | string
  year?: null | number
}

/** Characters the standard PDF fonts (WinAnsi) have beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'])

/**
 * The built-in Helvetica covers Western European text only: other letters
 * lose their accents where they can ("ő" -> "o") and become "?" otherwise,
 * rather than printing wrong glyphs.
 */
const printable = (text: string): string =>
  [...text.normalize('NFC')]
    .map((char) => {
      if (char.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRA.has(char)) return char
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '')
      return [...base].every((c) => c.charCodeAt(0) <= 0xff) && base ? base : '?'
    })
    .join('')

const day = (value: null | string | undefined) => parseDay(value)?.slice(0, 10) ?? 'to be agreed'

const money = (fee: null | number | undefined) =>
  fee === null || fee === undefined ? 'to be agreed' : `USD $${fee.toLocaleString('en-US')}`

/**
 * The contract as a PDF (pdfkit): the parties with the sponsor's name and
 * address, level, fee, period, benefits, every legal clause, and on every
 * page the revision and the date it was issued.
 */
export const renderContractPdf = (contract: ContractForPdf, issuedAt: Date): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      bufferPages: true,
      info: {
        Author: 'Python Software Foundation',
        Title: printable(`Sponsorship agreement: ${contract.sponsorName ?? ''}`),
      },
      margins: { bottom: 72, left: 72, right: 72, top: 72 },
      size: 'LETTER',
    })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)

    const heading = (text: string) => {
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(printable(text)).moveDown(0.3)
      doc.font('Helvetica').fontSize(11)
    }
    const line = (label: string, value: string) => {
      doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(printable(value))
    }

    const sponsor = contract.sponsorName ?? ''
    doc.font('Helvetica-Bold').fontSize(18).text('SPONSORSHIP AGREEMENT', { align: 'center' })
    doc.moveDown(0.5).font('Helvetica').fontSize(11)
    doc.text('between the Python Software Foundation (the "PSF"), a Delaware nonprofit corporation, and', {
      align: 'center',
    })
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(14).text(printable(sponsor), { align: 'center' })
    doc.font('Helvetica').fontSize(11).text('(the "Sponsor")', { align: 'center' })

    heading('The Sponsor')
    if (contract.sponsorInfo) doc.text(printable(contract.sponsorInfo)).moveDown(0.3)
    if (contract.sponsorAddress) doc.text(printable(contract.sponsorAddress)).moveDown(0.3)
    if (contract.sponsorContact) line('Contact', contract.sponsorContact)

    heading('Sponsorship')
    line('Level', `${contract.levelName ?? ''}${contract.year ? ` (${contract.year})` : ''}`)
    line('Sponsorship fee', money(contract.sponsorshipFee))
    line('Term', `${day(contract.startDate)} to ${day(contract.endDate)}`)

    heading('Sponsor benefits')
    const benefits = (contract.benefitsList ?? '')
      .split('\n')
      .map((item) => item.replace(/^\s*[-*]\s*/, '').trim())
      .filter(Boolean)
    if (benefits.length) doc.list(benefits.map(printable), { bulletRadius: 2 })
    else doc.text('Acknowledgement as a sponsor of the PSF.')

    const clauses = (contract.legalClauses ?? []).map((row) => (row.clause ?? '').trim()).filter(Boolean)
    if (clauses.length) {
      heading('Legal clauses')
      clauses.forEach((clause, index) => {
        doc.text(printable(`${index + 1}. ${clause}`), { align: 'justify' }).moveDown(0.4)
      })
    }

    heading('Signatures')
    for (const party of ['Python Software Foundation', sponsor]) {
      doc.moveDown(0.8).text(printable(party))
      doc.moveDown(0.8).text('By: ______________________________   Name: ______________________   Date: ___________')
    }

    const issued = issuedAt.toISOString().slice(0, 10)
    const range = doc.bufferedPageRange()
    for (let page = range.start; page < range.start + range.count; page += 1) {
      doc.switchToPage(page)
      const { bottom } = doc.page.margins
      // writing inside the bottom margin must not start a new page
      doc.page.margins.bottom = 0
      doc
        .font('Helvetica')
        .fontSize(8)
        .text(
          printable(`Revision ${contract.revision ?? 0} - issued ${issued} - page ${page + 1} of ${range.count}`),
          72,
          doc.page.height - 48,
          { align: 'center', width: doc.page.width - 144 },
        )
      doc.page.margins.bottom = bottom
    }
    doc.end()
  })
