export default defineAppConfig({
  pages: ['pages/my/my', 'pages/login/login'],
  window: { navigationBarTitleText: '好健友' },
})
