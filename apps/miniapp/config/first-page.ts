import type { Compiler } from 'webpack'

/**
 * The H5 login page arrived in three round trips: index.html names the entry chunks; they import
 * Taro's app bootstrap; it imports the first page. Each link of that chain waited for the one before
 * to download and run. This plugin writes `<link rel="preload">` for every chunk the bootstrap and
 * the first page need into index.html, so the browser fetches them all while the entry runs.
 *
 * It also moves the app's stylesheets and scripts from <head> to the end of <body>: a stylesheet in
 * <head> holds back every paint until it has arrived, while one in <body> holds back only what
 * follows it — so index.html's own shell (the brand, inline-styled) paints at once. The (deferred)
 * scripts follow the stylesheet, so the app never renders unstyled.
 */
export class PreloadFirstPage {
  constructor(private readonly firstPage: string) {}

  apply(compiler: Compiler): void {
    // html-webpack-plugin is the instance Taro's runner uses (one copy in node_modules).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const HtmlWebpackPlugin = require('html-webpack-plugin')
    compiler.hooks.compilation.tap('PreloadFirstPage', (compilation) => {
      type Tag = { tagName: string; attributes: Record<string, unknown>; [more: string]: unknown }
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadFirstPage', (data: { headTags: Tag[]; bodyTags: Tag[] }) => {
        const wanted = (request: string | undefined) => !!request && (/\.boot$/.test(request) || request.includes(this.firstPage))
        const files = new Set<string>()
        for (const group of compilation.chunkGroups) {
          if (!group.origins.some((o) => wanted(o.request))) continue
          for (const chunk of group.chunks) for (const f of chunk.files) files.add(f)
        }
        if (!files.size) throw new Error(`PreloadFirstPage: no chunk for the bootstrap or ${this.firstPage}; review apps/miniapp/config/first-page.ts`)
        const publicPath = String(compilation.outputOptions.publicPath ?? '/')
        const preloads: Tag[] = [...files].filter((f) => /\.(js|css)$/.test(f)).sort().map((f) => ({
          tagName: 'link',
          voidTag: true,
          meta: { plugin: 'PreloadFirstPage' },
          attributes: { rel: 'preload', href: publicPath + f, as: f.endsWith('.css') ? 'style' : 'script' },
        }))
        const assets = (t: Tag) => (t.tagName === 'link' && t.attributes.rel === 'stylesheet') || (t.tagName === 'script' && !!t.attributes.src)
        const styles = data.headTags.filter((t) => t.tagName === 'link' && assets(t))
        const scripts = data.headTags.filter((t) => t.tagName === 'script' && assets(t))
        data.headTags = data.headTags.filter((t) => !assets(t))
        data.bodyTags = [...styles, ...scripts, ...data.bodyTags, ...preloads]
        return data
      })
    })
  }
}

