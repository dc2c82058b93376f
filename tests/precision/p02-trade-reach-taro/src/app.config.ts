export default defineAppConfig({
  pages: ['pages/index/index', 'pages/ai-assistant/index', 'pages/pricing/index', 'pages/mine/index'],
  window: { navigationBarTitleText: 'TSLA Digest' },
})
