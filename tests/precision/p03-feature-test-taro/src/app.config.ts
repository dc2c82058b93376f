export default defineAppConfig({ pages: ['pages/index/index', 'pages/pay/index'] })
