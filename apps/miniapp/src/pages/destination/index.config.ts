export default definePageConfig({ navigationBarTitleText: '毕业去向预填' })
