export default definePageConfig({ navigationBarTitleText: '转入流动团员团支部' })
