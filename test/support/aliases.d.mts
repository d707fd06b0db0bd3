/** Where each public entry's code lives, relative to a base folder. */
export interface EntryFiles {
  core: string
  react: string
  mocks: string
  styles: string
  components: string
}

/** The entries in the sources. */
export declare const sourceEntries: EntryFiles

/** Vite `resolve.alias` entries for the package's names (sources by default). */
export declare function packageAliases(files?: EntryFiles, base?: string): { find: RegExp; replacement: string }[]
