export default defineAppConfig({ pages: ['pages/pricing/index'] })
