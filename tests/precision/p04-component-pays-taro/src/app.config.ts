export default defineAppConfig({ pages: ['pages/index/index', 'pages/course/index', 'pages/about/index'] })
