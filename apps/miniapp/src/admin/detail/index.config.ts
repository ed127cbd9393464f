export default definePageConfig({ navigationBarTitleText: '接转详情' })
