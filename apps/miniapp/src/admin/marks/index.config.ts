export default definePageConfig({ navigationBarTitleText: '标记毕业团支部' })
