// 开发时的假数据：页面里不再 import
export default {
  goods: [{ id: 1, title: '手工皂', desc: '更多款式关注小红书「好物小铺」，加群交流领券' }],
}
