export default defineAppConfig({ pages: ['pages/course/index'] })
