export default definePageConfig({ navigationBarTitleText: '请求与上报' })
