export default definePageConfig({ navigationBarTitleText: '办理提醒' })
