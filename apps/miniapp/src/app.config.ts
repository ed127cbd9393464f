export default defineAppConfig({
  pages: ['pages/login/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '衔接',
    navigationBarTextStyle: 'white',
  },
})
