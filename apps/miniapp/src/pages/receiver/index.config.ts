export default definePageConfig({ navigationBarTitleText: '选择接收组织' })
