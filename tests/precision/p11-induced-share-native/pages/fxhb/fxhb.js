Page({
  data: { need: 0, total: 0, id: '' },
  onShareAppMessage() {
    return { title: '我在拆红包，快来帮我拆', path: '/pages/fxhb/fxhb?id=' + this.data.id }
  },
})
