export default definePageConfig({ navigationBarTitleText: '团员详情' })
