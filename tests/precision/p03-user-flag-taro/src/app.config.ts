export default defineAppConfig({ pages: ['pages/vip/index'] })
