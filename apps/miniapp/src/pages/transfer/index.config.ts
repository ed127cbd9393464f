export default definePageConfig({ navigationBarTitleText: '我的接转', enablePullDownRefresh: false })
