// The /server entry must load where there is no React, no DOM and no `process` (workerd without
// Node compatibility; test:runtimes proves it there). Here, the same rule on the sources: every
// module the entry reaches, followed through its imports.
import { readFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = join(dirname(fileURLToPath(import.meta.url)), '../../src')

/** Every source file `file` reaches through value imports (type-only imports are erased). */
async function graph(file: string, seen = new Map<string, string>()): Promise<Map<string, string>> {
  if (seen.has(file)) return seen
  const text = await readFile(file, 'utf8')
  seen.set(file, text)
  for (const [, kind, specifier] of text.matchAll(
    /^(?:import|export)(\s+type)?[^'"]*?from\s+'([^']+)'/gm,
  )) {
    if (kind || !specifier?.startsWith('.')) continue
    const target = join(dirname(file), specifier).replace(/\.js$/, '')
    const resolved = await readFile(`${target}.ts`).then(
      () => `${target}.ts`,
      () => `${target}.tsx`,
    )
    await graph(resolved, seen)
  }
  return seen
}

describe('the /server module graph', () => {
  it('reaches no React, no DOM-only module, nothing that reads process, and no Node built-in', async () => {
    const modules = await graph(join(src, 'server/index.ts'))
    const names = [...modules.keys()].map((file) => relative(src, file))
    expect(names).toContain('server/handler.ts')
    expect(names).not.toContain('internal/development.ts')
    for (const [file, text] of modules) {
      const name = relative(src, file)
      expect(name, name).not.toMatch(/^(react|frame|completion|query)\/|\.tsx$/)
      expect(text, name).not.toMatch(/\bprocess\./)
      expect(text, name).not.toMatch(
        /^import(?!\s+type)[^'"]*from\s+'(react|react-dom|@tanstack\/[^']+|node:[^']+)'/m,
      )
    }
  })
})
