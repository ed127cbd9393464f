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
    'pages/mine/index',
    'pages/destination/index',
    // Admins pass through here on the way home: entering it preloads the admin subpackage (below).
    'pages/workbench/index',
    // A graduate's reminder link lands here (also the H5 link `/#/pages/reminder/index?token=…`).
    'pages/reminder/index',
  ],
  // Admins' pages: graduates never download them.
  subPackages: [
    {
      root: 'admin',
      pages: [
        'inbox/index', 'detail/index', 'member/index', 'start/index', 'campaign/index', 'share/index', 'reminders/index', 'import/index',
        'ledger/index', 'destinations/index', 'deadlines/index', 'marks/index', 'statistics/index', 'pull-in/index', 'reset/index', 'requests/index',
        'township-report/index', 'unplaced/index', 'special-unit/index',
      ],
    },
  ],
  // Only admins enter pages/workbench (login sends them there, graduates go straight home), so only
  // admins download the admin subpackage ahead of their first tap; graduates never fetch it.
  preloadRule: {
    'pages/workbench/index': { network: 'all', packages: ['admin'] },
  },
  // Inject only the components a page uses, not every one in the package.
  lazyCodeLoading: 'requiredComponents',
  // ID numbers, mobiles and an emergency contact: WeChat's privacy flow (onNeedPrivacyAuthorization,
  // components/PrivacySheet.tsx); the guide's text for the MP console is PRIVACY.md.
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '衔接',
    navigationBarTextStyle: 'white',
  },
})
