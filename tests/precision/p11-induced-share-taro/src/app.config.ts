export default defineAppConfig({
  pages: ['pages/lottery/index', 'pages/points/index'],
  window: { navigationBarTitleText: '每日抽奖' },
})
