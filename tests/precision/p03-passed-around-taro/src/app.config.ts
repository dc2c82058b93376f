export default defineAppConfig({ pages: ['pages/booking/index'] })
