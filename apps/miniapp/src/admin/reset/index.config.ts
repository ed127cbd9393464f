export default definePageConfig({ navigationBarTitleText: '重置团员密码' })
