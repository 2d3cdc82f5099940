/** After `changeset version`: writes each package's version into its src/version.ts, which the User-Agent uses. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './lib/vendors.js'

for (const dir of readdirSync(join(repoRoot, 'packages'))) {
  const versionFile = join(repoRoot, 'packages', dir, 'src', 'version.ts')
  if (!existsSync(versionFile)) continue
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8'))
  const current = readFileSync(versionFile, 'utf8')
  const next = current.replace(/VERSION = '[^']*'/, `VERSION = '${version}'`)
  if (next !== current) {
    writeFileSync(versionFile, next)
    console.log(`${dir}: VERSION = ${version}`)
  }
}
