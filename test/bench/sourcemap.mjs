// A small reader of source maps (v3), to tell which module a function in a CPU profile
// comes from: bundle position → original file (and through dist's own maps, to src/).
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const digit = new Map([...base64].map((char, index) => [char, index]))

/** Decodes one segment's base64 VLQ fields. */
function decodeSegment(text) {
  const fields = []
  let value = 0
  let shift = 0
  for (const char of text) {
    const bits = digit.get(char) ?? 0
    value += (bits & 31) << shift
    if (bits & 32) {
      shift += 5
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return fields
}

/** Per generated line, its segments as [column, source, line, column] (absolute, 0-based). */
function decodeMappings(mappings) {
  const lines = []
  let source = 0
  let line = 0
  let column = 0
  for (const text of mappings.split(';')) {
    const segments = []
    let generated = 0
    for (const part of text.split(',')) {
      if (!part) continue
      const fields = decodeSegment(part)
      generated += fields[0] ?? 0
      if (fields.length >= 4) {
        source += fields[1]
        line += fields[2]
        column += fields[3]
        segments.push([generated, source, line, column])
      }
    }
    lines.push(segments)
  }
  return lines
}

/** Loads a file's source map (the `.map` beside it), or undefined. */
function loadMap(file) {
  const mapFile = `${file}.map`
  if (!existsSync(mapFile)) return undefined
  const map = JSON.parse(readFileSync(mapFile, 'utf8'))
  const dir = path.dirname(mapFile)
  return {
    sources: map.sources.map((source) => path.resolve(dir, map.sourceRoot ?? '', source)),
    lines: decodeMappings(map.mappings),
  }
}

/**
 * A function (file, line 0-based, column 0-based) → the original file and line, following
 * maps as far as they go (bundle → dist → src).
 */
export function createLocator() {
  const maps = new Map()
  const mapOf = (file) => {
    if (!maps.has(file)) maps.set(file, loadMap(file))
    return maps.get(file)
  }
  return function locate(file, line, column, depth = 0) {
    const map = mapOf(file)
    const segments = map?.lines[line]
    if (!segments?.length || depth > 3) return { file, line }
    let found = segments[0]
    for (const segment of segments) if (segment[0] <= column) found = segment
    return locate(map.sources[found[1]], found[2], found[3], depth + 1)
  }
}

/** A short name for an original file and line: `pkg/file.js:12`, `src/core/sort.ts:88`. */
export function shortLocation({ file, line }) {
  const name = file.includes('/node_modules/')
    ? file.slice(file.lastIndexOf('/node_modules/') + '/node_modules/'.length)
    : (file.match(/.*\/((?:src|mocks|page)\/.*)$/)?.[1] ?? path.basename(file))
  return `${name}:${line + 1}`
}
