// webpack loader for library stylesheets: their `url(http…)` images become `none`. Taro's button CSS
// draws its loading spinner with a PNG on a JD CDN; the app must neither depend on another origin
// nor tell it who opens the app (app.scss draws the spinner in CSS instead).
const REMOTE_URL = /url\(\s*(["']?)https?:\/\/[^)"']+\1\s*\)/g

module.exports = function stripRemoteUrls(source) {
  return String(source).replace(REMOTE_URL, 'none')
}
