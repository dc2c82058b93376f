Page({
  data: { shop: {}, goods: [] },
  onLoad() {
    tt.request({
      url: 'https://api.starshop.cn/goods',
      success: (res) => this.setData({ goods: res.data.list, shop: res.data.shop }),
    })
  },
})
