export default definePageConfig({ navigationBarTitleText: '特殊单位专属库' })
