export default definePageConfig({ navigationBarTitleText: '乡镇街道团委标识更正' })
