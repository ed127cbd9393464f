import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'

/**
 * A stop only admins make between login and home. WeChat preloads subpackages per page
 * (app.config's preloadRule), and this is the one page graduates never enter, so the admin
 * subpackage is fetched for admins only, while they look at the home page.
 */
export default function WorkbenchPage() {
  useEffect(() => {
    nav.relaunch(ROUTES.home)
  }, [])
  return <View className="page muted">{zh.common.loading}</View>
}
