export default defineAppConfig({ pages: ['pages/index/index', 'pages/vip/index'] })
