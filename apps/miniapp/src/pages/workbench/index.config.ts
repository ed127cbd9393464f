export default definePageConfig({ navigationBarTitleText: '衔接' })
