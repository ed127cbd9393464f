export default definePageConfig({ navigationBarTitleText: '保留台账' })
