/** Where `apt-get install chromium` puts it. */
export declare const chromiumPath: string

/** The flags every real-browser run starts Chromium with. */
export declare const chromiumArgs: readonly string[]
