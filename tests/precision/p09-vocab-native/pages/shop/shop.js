Page({
  data: { shop: {}, showKefu: false },
  kefu() {
    this.setData({ showKefu: true })
  },
})
