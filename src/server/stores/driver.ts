/** Runs SQL: what the shared store needs of a database connection (or of a transaction). */
export interface SqlQueryable {
  /** One statement with `$1…` parameters; the rows it returns. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>
}

/** A database the shared SQL store runs on: PGlite or a `pg` pool. */
export interface SqlDriver extends SqlQueryable {
  readonly kind: string
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>
  /** LISTEN on a channel: `onPayload` gets each NOTIFY's payload. Resolves to an unsubscribe. */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

/**
 * Loads an optional peer dependency, or says which package to install.
 * @internal
 */
export async function importPeer<T>(name: string, load: () => Promise<T>, store: string): Promise<T> {
  try {
    return await load()
  } catch (error) {
    const code = (error as { code?: string } | null)?.code
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error(`${store} needs the package "${name}": install it with \`npm install ${name}\``, { cause: error })
    }
    throw error
  }
}
