import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  // python.org's API clients call /api/v1/.../ with and without the trailing
  // slash; a redirect could drop their method or body
  skipTrailingSlashRedirect: true,
  // pdfkit reads its font metrics from its own folder at run time: bundled, it would not find them
  serverExternalPackages: ['pdfkit'],
  // the smoke test builds into its own folder so it never clobbers a developer's .next
  distDir: process.env.NEXT_DIST_DIR || '.next',
  turbopack: { root: dirname },
  // the app's own sources; tests are type-checked by `npm run typecheck`
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
