export default defineAppConfig({
  pages: ['pages/consult/index'],
  window: { navigationBarTitleText: '法律咨询' },
})
