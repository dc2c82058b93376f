Page({
  onShareAppMessage() {
    return { title: '送你一张美食券', path: '/pages/index/index' }
  },
})
