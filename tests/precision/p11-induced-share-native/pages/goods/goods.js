Page({
  data: { goods: {} },
  onShareAppMessage() {
    return { title: this.data.goods.name, path: '/pages/goods/goods?id=' + this.data.goods.id }
  },
})
