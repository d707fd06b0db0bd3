import type { Decorator, Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { type DocgenInfo, defaultValuesFromDocs } from './default-values'

// The default theme, as a host app would import it ('integration-webhooks/styles.css').
import '../src/components/styles.css'

type Theme = 'light' | 'dark' | 'system'

const isTheme = (value: unknown): value is Theme => value === 'light' || value === 'dark' || value === 'system'

/**
 * Wraps every story in an element carrying the theme as a data attribute (no inline
 * styles: the package's CSS works under a strict Content-Security-Policy), and sets
 * it on <html> too so portals (dialogs) follow. `parameters.theme` forces a theme for
 * one story; otherwise the toolbar's `theme` global decides.
 */
const withTheme: Decorator = (Story, context) => {
  const forced = context.parameters.theme
  const theme: Theme = isTheme(forced) ? forced : isTheme(context.globals.theme) ? context.globals.theme : 'system'
  // "system" sets nothing: the stylesheet follows prefers-color-scheme (the screenshot tool's --dark).
  if (theme === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = theme
  return (
    <div className="sb-theme-root" data-theme={theme === 'system' ? undefined : theme}>
      <Story />
    </div>
  )
}

const preview: Preview = {
  // Starts the MSW worker once (public/mockServiceWorker.js) and installs each story's
  // `parameters.msw.handlers` before it renders.
  loaders: [mswLoader()],
  // The accessibility check (axe-core, imported by the a11y addon after each story) loaded once
  // before the stories run: its first import took 1.5 s at load average 7, counted against the
  // first story of every file in Vitest (vitest.config.ts gives this hook its own limit).
  beforeAll: async () => {
    await import('axe-core')
  },
  decorators: [withTheme],
  // Props tables: each prop's `@defaultValue` in the Default column, not in its description.
  argTypesEnhancers: [
    ({ argTypes, component }) =>
      defaultValuesFromDocs(argTypes, (component as { __docgenInfo?: DocgenInfo } | undefined)?.__docgenInfo),
  ],
  globalTypes: {
    theme: {
      description: 'Colour theme of the components',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'system', title: 'System', icon: 'browser' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'system' },
  parameters: {
    layout: 'fullscreen',
    // Every story is an accessibility test: axe violations fail it (in the UI and in Vitest).
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
}

export default preview
