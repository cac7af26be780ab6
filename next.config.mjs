import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  // python.org's API clients call /api/v1/.../ with and without the trailing
  // slash; a redirect could drop their method or body
  skipTrailingSlashRedirect: true,
  // one metrics registry per process, loaded by Node (src/platform/metrics.ts); pdfkit reads
  // its font metrics from its own folder at run time: bundled, it would not find them
  serverExternalPackages: ['prom-client', 'pdfkit'],
  // the smoke test builds into its own folder so it never clobbers a developer's .next
  distDir: process.env.NEXT_DIST_DIR || '.next',
  experimental: {
    // Payload tells its errors apart by class name (`formatErrors` answers
    // "An unknown error occurred." for an error whose name is empty, and
    // reports a ValidationError's name): minifying the server bundle leaves
    // APIError an anonymous class and ValidationError "o". Server code size
    // does not matter; correct error bodies do. (Also honoured by Turbopack.)
    serverMinification: false,
  },
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
