export default definePageConfig({ navigationBarTitleText: '待处理的请求' })
