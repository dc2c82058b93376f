export default defineAppConfig({ pages: ['pages/pricing/index', 'pages/orders/index'] })
