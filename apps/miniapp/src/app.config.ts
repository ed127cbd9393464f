export default defineAppConfig({
  // The login page first: it forwards a logged-in person to the home page.
  pages: [
    'pages/login/index',
    'pages/password/index',
    'pages/home/index',
    'pages/questionnaire/index',
    'pages/resolution/index',
    'pages/receiver/index',
    'pages/apply/index',
    'pages/transfer/index',
    // A graduate's reminder link lands here (also the H5 link `/#/pages/reminder/index?token=…`).
    'pages/reminder/index',
  ],
  // Admins' pages: graduates never download them.
  subPackages: [
    {
      root: 'admin',
      pages: [
        'inbox/index', 'detail/index', 'start/index', 'campaign/index', 'share/index', 'reminders/index', 'import/index',
        'ledger/index', 'deadlines/index', 'statistics/index', 'pull-in/index', 'reset/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '衔接',
    navigationBarTextStyle: 'white',
  },
})
