import crypto from 'node:crypto'

import { slugify } from '../../fields/slugify'
import type { ParsedVersion } from '../../src/downloads/version'

export type FileSpec = {
  description: string
  downloadButton: boolean
  filesize: number
  gpgSignatureFile?: string
  isSource: boolean
  md5Sum: string
  name: string
  os: 'android' | 'macos' | 'source' | 'windows'
  sbomSpdx2File?: string
  sha256Sum: string
  sigstoreBundleFile?: string
  slug: string
  url: string
}

type Kind = {
  button?: boolean
  description: string
  /** the file name, from the version as python.org writes it */
  file: (number: string) => string
  name: string
  os: FileSpec['os']
  /** typical size in bytes */
  size: number
}

const SOURCE: Kind[] = [
  {
    button: true,
    description: '',
    file: (v) => `Python-${v}.tgz`,
    name: 'Gzipped source tarball',
    os: 'source',
    size: 29_600_000,
  },
  {
    description: '',
    file: (v) => `Python-${v}.tar.xz`,
    name: 'XZ compressed source tarball',
    os: 'source',
    size: 22_500_000,
  },
]

const BINARIES: Kind[] = [
  {
    button: true,
    description: 'for AMD64/EM64T/x64',
    file: (v) => `python-${v}-amd64.exe`,
    name: 'Windows installer (64-bit)',
    os: 'windows',
    size: 28_900_000,
  },
  {
    description: 'for ARM64',
    file: (v) => `python-${v}-arm64.exe`,
    name: 'Windows installer (ARM64)',
    os: 'windows',
    size: 28_100_000,
  },
  {
    description: '',
    file: (v) => `python-${v}.exe`,
    name: 'Windows installer (32-bit)',
    os: 'windows',
    size: 27_300_000,
  },
  {
    description: 'for AMD64/EM64T/x64',
    file: (v) => `python-${v}-embed-amd64.zip`,
    name: 'Windows embeddable package (64-bit)',
    os: 'windows',
    size: 11_200_000,
  },
  {
    description: 'for ARM64',
    file: (v) => `python-${v}-embed-arm64.zip`,
    name: 'Windows embeddable package (ARM64)',
    os: 'windows',
    size: 10_400_000,
  },
  {
    description: '',
    file: (v) => `python-${v}-embed-win32.zip`,
    name: 'Windows embeddable package (32-bit)',
    os: 'windows',
    size: 9_800_000,
  },
  {
    button: true,
    description: 'for macOS 10.13 and later',
    file: (v) => `python-${v}-macos11.pkg`,
    name: 'macOS 64-bit universal2 installer',
    os: 'macos',
    size: 71_500_000,
  },
]

const ANDROID: Kind[] = [
  {
    button: true,
    description: 'for aarch64 devices',
    file: (v) => `python-${v}-aarch64-linux-android.tar.gz`,
    name: 'Android embeddable package (aarch64)',
    os: 'android',
    size: 20_700_000,
  },
  {
    description: 'for x86_64 emulators',
    file: (v) => `python-${v}-x86_64-linux-android.tar.gz`,
    name: 'Android embeddable package (x86_64)',
    os: 'android',
    size: 21_300_000,
  },
]

const digest = (algorithm: 'md5' | 'sha256', text: string) => crypto.createHash(algorithm).update(text).digest('hex')

/**
 * The files of one release, shaped like python.org's: the FTP layout
 * (`/ftp/python/3.14.1/Python-3.14.1.tar.xz`), the sidecars the release
 * tooling uploads (GPG signatures until 3.13, Sigstore bundles, SBOMs from
 * 3.13), a download button per OS. The checksums are made up but of the
 * right shape (the digests of the URL: deterministic, so a second run
 * writes the same values); sizes are typical ones, varied the same way.
 * Security releases are source only, as python.org publishes them.
 */
export const releaseFilesFor = (
  number: string,
  version: ParsedVersion,
  { sourceOnly = false }: { sourceOnly?: boolean } = {},
): FileSpec[] => {
  const directory = `${version.major}.${version.minor}.${version.micro}`
  const atLeast = (minor: number) => version.major > 3 || (version.major === 3 && version.minor >= minor)
  const kinds = [...SOURCE, ...(sourceOnly ? [] : BINARIES), ...(!sourceOnly && atLeast(14) ? ANDROID : [])]
  return kinds.map((kind) => {
    const url = `https://www.python.org/ftp/python/${directory}/${kind.file(number)}`
    const sha256Sum = digest('sha256', url)
    const variation = (parseInt(sha256Sum.slice(0, 6), 16) / 0xffffff - 0.5) * 0.1
    const sbom = atLeast(13) && (kind.os === 'source' || kind.file(number).endsWith('.exe'))
    return {
      description: kind.description,
      downloadButton: Boolean(kind.button),
      filesize: Math.round(kind.size * (1 + variation)),
      ...(atLeast(14) ? {} : { gpgSignatureFile: `${url}.asc` }),
      isSource: kind.os === 'source',
      md5Sum: digest('md5', url),
      name: kind.name,
      os: kind.os,
      ...(sbom ? { sbomSpdx2File: `${url}.spdx.json` } : {}),
      sha256Sum,
      sigstoreBundleFile: `${url}.sigstore`,
      slug: `${number.replace(/\./g, '')}-${slugify(kind.name)}`,
      url,
    }
  })
}
