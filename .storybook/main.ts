import type { StorybookConfig } from '@storybook/react-vite'

// Written by hand (not `storybook init`, which may try to download browsers here).
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: {
    name: '@storybook/react-vite',
    // Its own Vite config: the repository's vite.config.ts builds the library (lib mode).
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  // The page a webview's custom_redirect_url lands on in the redirect story.
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
}

export default config
