export default definePageConfig({ navigationBarTitleText: '工作时限设置' })
