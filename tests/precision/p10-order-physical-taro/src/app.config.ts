export default defineAppConfig({ pages: ['pages/index/index', 'pages/orders/index'] })
