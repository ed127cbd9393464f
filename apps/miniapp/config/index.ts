import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { PreloadFirstPage } from './first-page'

/**
 * One config for both targets. Output goes to dist/<target> so the API can serve dist/h5
 * and the weapp build can be measured on its own (bench/miniapp-size.js).
 */
const rulesSrc = path.resolve(__dirname, '../../../libs/rules/src')
const contractSrc = path.resolve(__dirname, '../../../libs/contract/src')

export default defineConfig<'webpack5'>(async (merge) => {
  const target = process.env.TARO_ENV || 'weapp'
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'xianjie',
    date: '2025-06-01',
    // The UI is drawn at 375 px (one phone width); px becomes rpx (weapp) or rem (h5).
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    plugins: [],
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    alias: {
      // The workspace libraries are compiled from their TypeScript source, never from a stale dist.
      '@xianjie/rules': path.join(rulesSrc, 'index.ts'),
      '@xianjie/contract': path.join(contractSrc, 'index.ts'),
    },
    mini: {
      compile: { include: [rulesSrc, contractSrc] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Plain React components instead of Stencil web components: smaller, and the same
      // components the page tests render.
      useHtmlComponents: true,
      router: { mode: 'hash' },
      compile: { include: [rulesSrc, contractSrc] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        // A page's stylesheet (its chunk's CSS) goes after app.css, which the page template links at
        // the end of <body>: on equal specificity the page's rule wins, as a page's wxss does over
        // app.wxss in the mini program. Appended to <head> (the default) it came first and lost.
        insert: (linkTag: HTMLLinkElement) => {
          document.body.appendChild(linkTag)
        },
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // Taro splits only the initial chunks, so every lazily loaded page carried its own copy
      // of the shared code (≈90 KB each). Share what two or more pages use.
      webpackChain(chain) {
        const split = (chain.optimization.get('splitChunks') || {}) as { cacheGroups?: Record<string, unknown> }
        chain.optimization.splitChunks({
          ...split,
          chunks: 'all',
          cacheGroups: {
            ...(split.cacheGroups || {}),
            shared: { name: 'shared', chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true },
          },
        })
        chain.module.rule('strip-remote-urls').test(/\.(s?css|sass)$/).include.add(/node_modules/).end()
          .enforce('pre').use('strip-remote-urls').loader(path.join(__dirname, 'strip-remote-urls.js'))
        // The page app.config.ts lists first: the one every visit starts on.
        chain.plugin('preload-first-page').use(PreloadFirstPage, ['pages/login/index'])
      },
    },
  }
  return merge({}, base, { mini: {}, h5: {} })
})
