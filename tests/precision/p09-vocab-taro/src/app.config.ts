export default defineAppConfig({
  pages: ['pages/my/my', 'pages/share/share'],
  window: { navigationBarTitleText: '好健友' },
})
