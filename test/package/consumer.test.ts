// A consumer project installed from the packed tarball with strict resolution: a package sees
// only what it declares (npm's nested strategy, like pnpm), so a published .d.ts that names an
// undeclared dependency (issue 17, item 13: @tanstack/table-core) fails to type-check here.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const pkg = JSON.parse(
  execFileSync('npm', ['pkg', 'get', 'devDependencies'], { cwd: root, encoding: 'utf8' }),
) as Record<string, string>

let dir = ''
const run = (command: string, args: string[]) =>
  execFileSync(command, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true })
  dir = mkdtempSync(join(root, '.tmp', 'consumer-'))
  // The built dist (the package project's global setup builds it) as npm would publish it.
  execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'))
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: {
        'integration-webhooks': `file:./${tarball}`,
        // what a host brings: the peers and their types, at the versions we test with
        react: pkg.react,
        'react-dom': pkg['react-dom'],
        msw: pkg.msw,
        '@types/react': pkg['@types/react'],
        '@types/react-dom': pkg['@types/react-dom'],
        typescript: pkg.typescript,
      },
    }),
  )
  run('npm', [
    'install',
    '--install-strategy=nested',
    '--legacy-peer-deps=false',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
  ])
}, 300_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
}, 120_000)

describe('a consumer installed from the packed tarball with strict resolution', () => {
  it.each(['bundler', 'node16'] as const)(
    'type-checks every client entry (moduleResolution %s)',
    (resolution) => {
      writeFileSync(
        join(dir, 'consumer.tsx'),
        `import { IntegrationWebhookManager, type IntegrationWebhookManagerProps } from 'integration-webhooks'
import { createWebhookClient, type IntegrationWebhook } from 'integration-webhooks/core'
import { useWebhookTable, webhookColumnDefs, type WebhookTableState } from 'integration-webhooks/react'
import { createWebhookHandlers } from 'integration-webhooks/mocks'

export const props: IntegrationWebhookManagerProps = { apiUrl: '/api/integration-webhooks' }
export const element = <IntegrationWebhookManager {...props} />
export const client = createWebhookClient({ apiUrl: 'https://app.example/api/integration-webhooks' })
export const ids: string[] = webhookColumnDefs.map((column) => String(column.id))
export function useRows(rows: IntegrationWebhook[]): WebhookTableState['rows'] {
  return useWebhookTable(rows).rows
}
export const handlers = createWebhookHandlers()
`,
      )
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            // the package's own declarations are checked too
            skipLibCheck: false,
            jsx: 'react-jsx',
            target: 'es2022',
            lib: ['es2022', 'dom', 'dom.iterable'],
            module: resolution === 'bundler' ? 'esnext' : 'node16',
            moduleResolution: resolution,
            types: [],
            ignoreDeprecations: '6.0',
          },
          files: ['consumer.tsx'],
        }),
      )
      let output = ''
      try {
        output = run(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', '.'])
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error)
      }
      expect(output).toBe('')
    },
    180_000,
  )
})
